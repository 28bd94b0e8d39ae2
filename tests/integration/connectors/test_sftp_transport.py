"""The SFTP transport against a real SFTP server run by asyncssh in this process on loopback.

The server has a generated host key, takes a password or a client key, and
serves a temporary directory as its root.
"""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import asyncssh
import pytest

from posync.connectors.transports.sftp import SftpTransport
from posync.domain.delivery import DeliveryOutcome, DeliveryResult
from posync.domain.partner_values import Secret, TransportKind, TransportSettings
from posync.services.ports import Delivery
from support.transport_documents import make_delivery, secrets

PASSWORD = "correct horse battery"
USER = "acme"


class LoginCheck(asyncssh.SSHServer):
    def password_auth_supported(self) -> bool:
        return True

    def validate_password(self, username: str, password: str) -> bool:
        return username == USER and password == PASSWORD


@dataclass
class SftpServer:
    root: Path
    port: int
    host_key: asyncssh.SSHKey
    client_key: asyncssh.SSHKey

    def known_hosts(self, key: asyncssh.SSHKey | None = None) -> str:
        public = (key or self.host_key).export_public_key().decode().strip()
        return f"[127.0.0.1]:{self.port} {public}\n"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SftpServer]:
    root = tmp_path_factory.mktemp("sftp-root")
    host_key = asyncssh.generate_private_key("ssh-ed25519")
    client_key = asyncssh.generate_private_key("ssh-ed25519")
    loop = asyncio.new_event_loop()
    listening = loop.run_until_complete(
        asyncssh.listen(
            "127.0.0.1",
            0,
            server_host_keys=[host_key],
            server_factory=LoginCheck,
            authorized_client_keys=asyncssh.import_authorized_keys(
                client_key.export_public_key().decode()
            ),
            sftp_factory=lambda channel: asyncssh.SFTPServer(channel, chroot=bytes(root)),
            config=[],
        )
    )
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    yield SftpServer(root, listening.get_port(), host_key, client_key)

    async def stop() -> None:
        listening.close()
        await listening.wait_closed()

    asyncio.run_coroutine_threadsafe(stop(), loop).result(timeout=10)
    loop.call_soon_threadsafe(loop.stop)
    thread.join(timeout=10)
    loop.close()


@pytest.fixture
def inbound(server: SftpServer) -> Iterator[Path]:
    folder = server.root / "inbound"
    folder.mkdir()
    yield folder
    for leftover in folder.iterdir():
        leftover.unlink()
    folder.rmdir()


def to(server: SftpServer, path: str | None = "/inbound", **changes: object) -> TransportSettings:
    values: dict[str, object] = {
        "kind": TransportKind.SFTP,
        "host": "127.0.0.1",
        "port": server.port,
        "username": USER,
        "path": path,
        "secrets": ("password", "known_hosts"),
    }
    values.update(changes)
    return TransportSettings(**values)  # type: ignore[arg-type]


def with_password(server: SftpServer, password: str = PASSWORD) -> Mapping[str, Secret]:
    return secrets(password=password, known_hosts=server.known_hosts())


def deliver(delivery: Delivery, given: Mapping[str, Secret]) -> DeliveryResult:
    return SftpTransport().deliver(delivery, given)


def test_a_password_login_uploads_the_payload_under_its_key(
    server: SftpServer, inbound: Path
) -> None:
    delivery = make_delivery(to(server), idempotency_key="acme-4500000001")

    result = deliver(delivery, with_password(server))

    assert result.outcome is DeliveryOutcome.DELIVERED, result.detail
    assert [p.name for p in inbound.iterdir()] == ["acme-4500000001.x12"]
    assert (inbound / "acme-4500000001.x12").read_bytes() == delivery.payload
    assert result.detail == (
        f"uploaded to sftp://{USER}@127.0.0.1:{server.port}/inbound/acme-4500000001.x12"
    )
    assert PASSWORD not in result.detail


def test_a_retry_replaces_the_earlier_file(server: SftpServer, inbound: Path) -> None:
    for attempt, payload in ((1, b"first"), (2, b"second attempt")):
        delivery = make_delivery(to(server), payload=payload, attempt=attempt)
        assert deliver(delivery, with_password(server)).outcome is DeliveryOutcome.DELIVERED

    files = list(inbound.iterdir())
    assert len(files) == 1
    assert files[0].read_bytes() == b"second attempt"


def test_a_private_key_with_a_passphrase_logs_in(server: SftpServer, inbound: Path) -> None:
    key_text = server.client_key.export_private_key("pkcs8-pem", passphrase="open sesame")
    settings = to(server, secrets=("sftp_private_key", "private_key_passphrase", "known_hosts"))
    given = secrets(
        sftp_private_key=key_text.decode(),
        private_key_passphrase="open sesame",
        known_hosts=server.known_hosts(),
    )

    result = deliver(make_delivery(settings), given)

    assert result.outcome is DeliveryOutcome.DELIVERED, result.detail
    assert len(list(inbound.iterdir())) == 1


def test_an_unknown_host_key_is_refused_and_nothing_is_written(
    server: SftpServer, inbound: Path
) -> None:
    impostor = asyncssh.generate_private_key("ssh-ed25519")
    given = secrets(password=PASSWORD, known_hosts=server.known_hosts(impostor))

    result = deliver(make_delivery(to(server)), given)

    assert result.outcome is DeliveryOutcome.REFUSED
    assert "host key" in result.detail
    assert list(inbound.iterdir()) == []


def test_without_known_hosts_the_server_is_not_trusted_by_default(
    server: SftpServer, inbound: Path
) -> None:
    delivery = make_delivery(to(server, secrets=("password",)))

    refused = deliver(delivery, secrets(password=PASSWORD))
    trusting = SftpTransport(accept_unknown_hosts=True).deliver(
        delivery, secrets(password=PASSWORD)
    )

    assert refused.outcome is DeliveryOutcome.REFUSED
    assert "known_hosts" in refused.detail
    assert trusting.outcome is DeliveryOutcome.DELIVERED


def test_a_wrong_password_is_refused_without_showing_it(server: SftpServer, inbound: Path) -> None:
    result = deliver(make_delivery(to(server)), with_password(server, "wrong password"))

    assert result.outcome is DeliveryOutcome.REFUSED
    assert "login was refused" in result.detail
    assert "wrong password" not in result.detail


def test_a_missing_remote_folder_is_retried_and_leaves_nothing(
    server: SftpServer, inbound: Path
) -> None:
    result = deliver(make_delivery(to(server, path="/not-there")), with_password(server))

    assert result.outcome is DeliveryOutcome.RETRY
    assert "/not-there/" in result.detail
    assert not (server.root / "not-there").exists()


def test_the_login_directory_is_used_without_a_path(server: SftpServer, inbound: Path) -> None:
    delivery = make_delivery(to(server, path=None), idempotency_key="in-the-root")

    result = deliver(delivery, with_password(server))

    assert result.outcome is DeliveryOutcome.DELIVERED, result.detail
    assert result.detail.endswith(f":{server.port}/in-the-root.x12")
    written = server.root / "in-the-root.x12"
    assert written.read_bytes() == delivery.payload
    written.unlink()


def test_nobody_listening_is_a_retry(server: SftpServer) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    result = deliver(make_delivery(to(server, port=port)), with_password(server))

    assert result.outcome is DeliveryOutcome.RETRY


@pytest.mark.parametrize(
    ("names", "given", "expected"),
    [
        (("known_hosts",), {}, "neither a password nor a private_key"),
        (("password", "known_hosts"), {}, "'password' but it has no value"),
        (("private_key", "known_hosts"), {"private_key": "not a key"}, "private_key cannot be"),
        (
            ("password", "known_hosts"),
            {"password": PASSWORD, "known_hosts": "[x"},
            "hosts cannot be read",
        ),
    ],
)
def test_unusable_credentials_are_refused(
    server: SftpServer, names: tuple[str, ...], given: dict[str, str], expected: str
) -> None:
    delivery = make_delivery(to(server, secrets=names))
    given = {"known_hosts": server.known_hosts(), **given}

    result = deliver(delivery, secrets(**given))

    assert result.outcome is DeliveryOutcome.REFUSED
    assert expected in result.detail


def test_it_also_works_when_called_from_a_running_event_loop(
    server: SftpServer, inbound: Path
) -> None:
    async def from_async_code() -> DeliveryResult:
        return deliver(make_delivery(to(server)), with_password(server))

    result = asyncio.run(from_async_code())

    assert result.outcome is DeliveryOutcome.DELIVERED, result.detail


def test_a_server_that_never_speaks_is_a_retry_within_the_timeout(server: SftpServer) -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        settings = to(server, port=silent.getsockname()[1], timeout=timedelta(milliseconds=300))

        result = deliver(make_delivery(settings), with_password(server))

    assert result.outcome is DeliveryOutcome.RETRY
    assert "no answer within 0.3 seconds" in result.detail
