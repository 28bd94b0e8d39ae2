"""EDI use cases: writing interchanges with control numbers that are never reused."""

from __future__ import annotations

from posync.codecs.x12.codec import X12Codec
from posync.codecs.x12.writer import ControlNumbers
from posync.services.commands import WriteX12Interchange
from posync.services.ports import Clock, UnitOfWork

X12_MEDIA_TYPE = "application/edi-x12"


def write_x12_interchange(
    command: WriteX12Interchange, uow: UnitOfWork, clock: Clock, codec: X12Codec
) -> bytes:
    envelope = command.envelope
    partner = f"x12:{envelope.receiver_qualifier}:{envelope.receiver_id}"
    with uow:
        count = len(command.documents)
        numbers = ControlNumbers(
            interchange=uow.control_numbers.reserve(partner, "interchange")[0],
            group=uow.control_numbers.reserve(partner, "group", count)[0],
            sets=uow.control_numbers.reserve(partner, "set", count),
        )
        now = clock.now()
        data = codec.write(command.documents, envelope, numbers, at=now)
        uow.archive.store(
            data, media_type=X12_MEDIA_TYPE, source=f"sent to {partner}", received_at=now
        )
        uow.commit()
    return data
