"""The SFTP transport: upload each message as a file into the partner's directory.

Settings: ``host``, ``port`` (22 by default), ``username``, ``path`` (the
remote directory; the login directory when absent) and ``timeout`` (for the
whole attempt: connecting, logging in, uploading). Secrets, by the names the
partner gives them (plain or with ``sftp_`` in front): ``password`` and/or
``private_key`` (OpenSSH or PEM text; ``private_key_passphrase`` if it is
encrypted), and ``known_hosts``, the server's host key in known_hosts format.
Without ``known_hosts`` the server cannot be checked and the delivery is
refused, unless the transport was built with ``accept_unknown_hosts=True``.
Nothing is read from the local ``~/.ssh`` or an ssh-agent.

The file is named after the idempotency key (``file_names``), written under a
hidden temporary name, flushed when the server offers ``fsync``, and renamed
over the final name (POSIX rename when offered; otherwise the old file is
removed first), so a retry replaces its earlier file and no partial file is
ever seen under the final name.

Outcomes: a host key that does not match, a login the server refuses or
credentials that cannot be used are refused (a person must act); a server
that cannot be reached, a timeout, or an SFTP error such as a missing or
unwritable directory is a retry.
"""

from __future__ import annotations

import asyncio
import logging
import posixpath
from collections.abc import Coroutine, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Final, TypeVar

import asyncssh

from posync.connectors.transports.credentials import (
    CredentialsIncomplete,
    named_secret,
    redact,
    revealed,
)
from posync.connectors.transports.file_names import payload_file_name, temporary_file_name
from posync.domain.delivery import DeliveryOutcome, DeliveryResult
from posync.domain.partner_values import Secret
from posync.services.ports import Delivery

DEFAULT_PORT: Final = 22
DEFAULT_TIMEOUT: Final = timedelta(seconds=30)
_LOG = logging.getLogger(__name__)
_Result = TypeVar("_Result")


@dataclass(frozen=True, slots=True, kw_only=True)
class SftpLogin:
    """Where and as whom to log in, and how to check the server."""

    host: str
    port: int
    username: str
    password: str | None
    client_keys: Sequence[asyncssh.SSHKey] | None
    known_hosts: asyncssh.SSHKnownHosts | None


class SftpTransport:
    """Uploads each delivery over SFTP with asyncssh; one connection per attempt."""

    def __init__(
        self, *, accept_unknown_hosts: bool = False, default_timeout: timedelta = DEFAULT_TIMEOUT
    ) -> None:
        self._accept_unknown_hosts = accept_unknown_hosts
        self._default_timeout = default_timeout

    def deliver(self, delivery: Delivery, secrets: Mapping[str, Secret]) -> DeliveryResult:
        result = self._attempt(delivery, secrets)
        return DeliveryResult(
            outcome=result.outcome,
            detail=redact(result.detail, revealed(secrets)),
            retry_after=result.retry_after,
            receipt=result.receipt,
        )

    def _attempt(self, delivery: Delivery, secrets: Mapping[str, Secret]) -> DeliveryResult:
        settings = delivery.partner.transport
        try:
            login = self.login_for(delivery, secrets)
        except CredentialsIncomplete as error:
            return _answer(DeliveryOutcome.REFUSED, str(error))
        directory = settings.path or ""
        final = posixpath.join(
            directory, payload_file_name(delivery.idempotency_key, delivery.media_type)
        )
        where = f"sftp://{login.username}@{login.host}:{login.port}/{final.lstrip('/')}"
        timeout = (settings.timeout or self._default_timeout).total_seconds()
        try:
            run_to_completion(_upload(login, final, delivery.payload, timeout))
        except TimeoutError:
            return _answer(DeliveryOutcome.RETRY, f"{where}: no answer within {timeout:g} seconds")
        except asyncssh.HostKeyNotVerifiable as error:
            return _answer(
                DeliveryOutcome.REFUSED,
                f"{where}: the server's host key is not the one in the partner's known_hosts "
                f"({error.reason})",
            )
        except asyncssh.PermissionDenied as error:
            return _answer(
                DeliveryOutcome.REFUSED, f"{where}: the login was refused ({error.reason})"
            )
        except asyncssh.SFTPError as error:
            return _answer(DeliveryOutcome.RETRY, f"{where}: {error.reason}")
        except asyncssh.DisconnectError as error:
            return _answer(DeliveryOutcome.RETRY, f"{where}: disconnected: {error.reason}")
        except (asyncssh.Error, OSError) as error:
            return _answer(DeliveryOutcome.RETRY, f"{where}: {type(error).__name__}: {error}")
        return _answer(DeliveryOutcome.DELIVERED, f"uploaded to {where}")

    def login_for(self, delivery: Delivery, secrets: Mapping[str, Secret]) -> SftpLogin:
        """The login a delivery needs; ``CredentialsIncomplete`` naming what is missing."""
        settings = delivery.partner.transport
        partner = delivery.partner.id
        if not settings.host or not settings.username:
            raise CredentialsIncomplete(
                f"partner {partner!r} has an SFTP transport without a host or a username"
            )
        password = named_secret(delivery, secrets, "password")
        key = named_secret(delivery, secrets, "private_key")
        passphrase = named_secret(delivery, secrets, "private_key_passphrase")
        known_hosts = named_secret(delivery, secrets, "known_hosts")
        if password is None and key is None:
            raise CredentialsIncomplete(
                f"partner {partner!r} names neither a password nor a private_key secret "
                "for its SFTP transport"
            )
        if known_hosts is None and not self._accept_unknown_hosts:
            raise CredentialsIncomplete(
                f"partner {partner!r} names no known_hosts secret: posync does not upload "
                "to an SFTP server whose host key it cannot check"
            )
        return SftpLogin(
            host=settings.host,
            port=settings.port or DEFAULT_PORT,
            username=settings.username,
            password=password.reveal() if password is not None else None,
            client_keys=_client_keys(partner, key, passphrase),
            known_hosts=_known_hosts(partner, known_hosts),
        )


def _client_keys(
    partner: str, key: Secret | None, passphrase: Secret | None
) -> list[asyncssh.SSHKey] | None:
    if key is None:
        return None
    try:
        return [
            asyncssh.import_private_key(
                key.reveal(), passphrase.reveal() if passphrase is not None else None
            )
        ]
    except (asyncssh.KeyImportError, ValueError) as error:
        raise CredentialsIncomplete(
            f"partner {partner!r}'s private_key cannot be read ({type(error).__name__}): "
            "expected an OpenSSH or PEM private key, with its passphrase if it has one"
        ) from None


def _known_hosts(partner: str, known_hosts: Secret | None) -> asyncssh.SSHKnownHosts | None:
    if known_hosts is None:
        return None
    try:
        return asyncssh.import_known_hosts(known_hosts.reveal())
    except (asyncssh.KeyImportError, ValueError) as error:
        raise CredentialsIncomplete(
            f"partner {partner!r}'s known_hosts cannot be read ({type(error).__name__}): "
            "expected lines like '[sftp.example.com]:2222 ssh-ed25519 AAAA...'"
        ) from None


async def _upload(login: SftpLogin, final: str, payload: bytes, timeout: float) -> None:
    async with asyncio.timeout(timeout):
        async with (
            asyncssh.connect(
                login.host,
                login.port,
                username=login.username,
                password=login.password,
                client_keys=login.client_keys,
                known_hosts=login.known_hosts,
                agent_path=None,
                config=[],
                gss_host=None,
                connect_timeout=timeout,
            ) as connection,
            connection.start_sftp_client() as sftp,
        ):
            temporary = posixpath.join(
                posixpath.dirname(final), temporary_file_name(posixpath.basename(final))
            )
            try:
                await _write(sftp, temporary, payload)
                await _replace(sftp, temporary, final)
            except (asyncssh.Error, OSError):
                await _remove_leftover(sftp, temporary)
                raise


async def _write(sftp: asyncssh.SFTPClient, path: str, payload: bytes) -> None:
    async with sftp.open(path, "wb") as remote:
        await remote.write(payload)
        try:
            await remote.fsync()
        except asyncssh.SFTPOpUnsupported:
            _LOG.debug("the SFTP server offers no fsync; %s is closed unflushed", path)


async def _replace(sftp: asyncssh.SFTPClient, temporary: str, final: str) -> None:
    try:
        await sftp.posix_rename(temporary, final)
    except asyncssh.SFTPOpUnsupported:
        if await sftp.exists(final):
            await sftp.remove(final)
        await sftp.rename(temporary, final)


async def _remove_leftover(sftp: asyncssh.SFTPClient, temporary: str) -> None:
    try:
        if await sftp.exists(temporary):
            await sftp.remove(temporary)
    except (asyncssh.Error, OSError) as error:
        _LOG.warning("could not remove the temporary file %s: %s", temporary, error)


def run_to_completion(work: Coroutine[Any, Any, _Result]) -> _Result:
    """Run ``work`` on its own event loop, in a helper thread if this one already runs a loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(work)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="posync-sftp") as pool:
        return pool.submit(asyncio.run, work).result()


def _answer(outcome: DeliveryOutcome, detail: str) -> DeliveryResult:
    return DeliveryResult(outcome=outcome, detail=detail)
