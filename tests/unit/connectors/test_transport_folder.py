"""The folder transport writes whole files named after the idempotency key, or nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from posync.connectors.transports.file_names import payload_file_name, temporary_file_name
from posync.connectors.transports.folder import FolderTransport
from posync.domain.delivery import DeliveryOutcome
from posync.domain.partner_values import TransportKind, TransportSettings
from support.transport_documents import make_delivery


def to_folder(path: Path | str) -> TransportSettings:
    return TransportSettings(kind=TransportKind.FOLDER, path=str(path))


def test_the_payload_lands_whole_under_the_key_with_an_extension_for_its_type(
    tmp_path: Path,
) -> None:
    delivery = make_delivery(to_folder(tmp_path), idempotency_key="acme-4500000001-1")

    result = FolderTransport().deliver(delivery, {})

    assert result.outcome is DeliveryOutcome.DELIVERED
    assert [p.name for p in tmp_path.iterdir()] == ["acme-4500000001-1.x12"]
    assert (tmp_path / "acme-4500000001-1.x12").read_bytes() == delivery.payload
    assert str(tmp_path / "acme-4500000001-1.x12") in result.detail


def test_a_retry_replaces_the_file_of_the_earlier_attempt(tmp_path: Path) -> None:
    transport = FolderTransport()
    first = make_delivery(to_folder(tmp_path), payload=b"first", attempt=1)
    second = make_delivery(to_folder(tmp_path), payload=b"second", attempt=2)

    transport.deliver(first, {})
    transport.deliver(second, {})

    files = list(tmp_path.iterdir())
    assert len(files) == 1
    assert files[0].read_bytes() == b"second"


def test_a_missing_folder_is_retried_and_names_the_folder(tmp_path: Path) -> None:
    missing = tmp_path / "not-mounted"

    result = FolderTransport().deliver(make_delivery(to_folder(missing)), {})

    assert result.outcome is DeliveryOutcome.RETRY
    assert str(missing) in result.detail
    assert "does not exist" in result.detail


def test_a_file_where_the_folder_should_be_is_retried(tmp_path: Path) -> None:
    in_the_way = tmp_path / "drop"
    in_the_way.write_text("not a folder")

    result = FolderTransport().deliver(make_delivery(to_folder(in_the_way)), {})

    assert result.outcome is DeliveryOutcome.RETRY
    assert "is not a directory" in result.detail


def test_an_unwritable_folder_is_retried_with_the_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Permissions mean nothing to root (as in CI), so the refusal is the kernel's, simulated.
    opened = os.open

    def refuse_writes(path: str | os.PathLike[str], flags: int, mode: int = 0o777) -> int:
        if flags & os.O_WRONLY:
            raise PermissionError(13, "Permission denied", str(path))
        return opened(path, flags, mode)

    monkeypatch.setattr("os.open", refuse_writes)
    result = FolderTransport().deliver(make_delivery(to_folder(tmp_path)), {})

    assert result.outcome is DeliveryOutcome.RETRY
    assert "could not write" in result.detail
    assert "Permission denied" in result.detail
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_leaves_neither_a_partial_file_nor_a_temporary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    transport = FolderTransport()
    transport.deliver(make_delivery(to_folder(tmp_path), payload=b"complete"), {})

    def disk_full(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", disk_full)
    result = transport.deliver(make_delivery(to_folder(tmp_path), payload=b"half"), {})

    assert result.outcome is DeliveryOutcome.RETRY
    assert "No space left on device" in result.detail
    assert [(p.name, p.read_bytes()) for p in tmp_path.iterdir()] == [
        ("acme-4500000001-1.x12", b"complete")
    ]


def test_a_partner_without_a_path_is_refused() -> None:
    delivery = make_delivery(TransportSettings(kind=TransportKind.FOLDER))

    result = FolderTransport().deliver(delivery, {})

    assert result.outcome is DeliveryOutcome.REFUSED
    assert "without a path" in result.detail


@pytest.mark.parametrize(
    ("key", "media_type", "expected"),
    [
        ("po-1", "application/EDIFACT; charset=UTF-8", "po-1.edi"),
        ("po-1", "application/json", "po-1.json"),
        ("po-1", "application/octet-stream", "po-1.dat"),
    ],
)
def test_the_extension_follows_the_media_type(key: str, media_type: str, expected: str) -> None:
    assert payload_file_name(key, media_type) == expected


@given(key=st.text(max_size=150))
@settings(max_examples=200, deadline=None)
def test_any_key_gives_a_plain_file_name_that_stays_in_its_folder(key: str) -> None:
    name = payload_file_name(key, "application/edi-x12")

    assert name == os.path.basename(name)
    assert not name.startswith(".")
    assert name.endswith(".x12")
    assert len(name) <= 120
    assert all(c.isascii() and (c.isalnum() or c in "._-") for c in name)
    assert not temporary_file_name(name).endswith(".x12")
    assert temporary_file_name(name).startswith(".")


@given(keys=st.lists(st.text(max_size=40), min_size=2, max_size=2, unique=True))
@settings(max_examples=200, deadline=None)
def test_different_keys_give_different_files(keys: list[str]) -> None:
    first, second = (payload_file_name(key, "application/edi-x12") for key in keys)

    assert first != second
