"""The EDIFACT adapter: one Decoded per message, a CONTRL per interchange, references drawn."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings

from posync.codecs.edifact.codec import (
    ControlReferences,
    EdifactCodec,
    InterchangeAnswered,
    PartnerEnvelope,
)
from posync.codecs.edifact.envelope_events import Party
from posync.codecs.errors import DecodeError, EncodeError
from posync.codecs.formats.edifact_format import EdifactFormat
from posync.codecs.formats.model import (
    Answer,
    Checked,
    Decoded,
    EncodeTarget,
    PartyIdentity,
    ReadOptions,
    Severity,
    Standard,
)
from posync.codecs.formats.registry import standard_formats
from posync.domain.documents import FunctionalAcknowledgement, PurchaseOrder
from posync.domain.errors import Problem
from posync.domain.values import Party as TradingParty
from support.documents import make_invoice, make_plain_purchase_order
from support.edifact_documents import purchase_orders

AT = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)
TARGET = EncodeTarget(
    sender=PartyIdentity.parse("14:4012345000009"),
    receiver=PartyIdentity.parse("ZZZ:EURODIS"),
)
OPTIONS = ReadOptions()


class Numbers:
    """A ControlNumberSource that counts per kind, as the store does for one partner."""

    def __init__(self) -> None:
        self.last: defaultdict[str, int] = defaultdict(int)

    def reserve(self, kind: str, count: int = 1) -> list[int]:
        first = self.last[kind] + 1
        self.last[kind] += count
        return list(range(first, first + count))


def orders(count: int = 2) -> list[PurchaseOrder]:
    return [make_plain_purchase_order(f"PO-{n}", lines=n) for n in range(1, count + 1)]


def written(documents: list[object] | None = None, target: EncodeTarget = TARGET) -> bytes:
    return EdifactFormat().encode(
        documents if documents is not None else list(orders()),
        target,
        numbers=Numbers(),
        at=AT,
    )


def checked(data: bytes) -> tuple[list[Decoded], list[Answer]]:
    results: list[Checked] = list(EdifactFormat().validate([data[:50], data[50:]], OPTIONS))
    return (
        [r for r in results if isinstance(r, Decoded)],
        [r for r in results if isinstance(r, Answer)],
    )


def test_the_registry_holds_edifact() -> None:
    adapter = standard_formats().format_for(Standard.EDIFACT)

    assert adapter.standard is Standard.EDIFACT
    assert adapter.numbered


def test_each_message_decodes_to_its_document_labelled_by_type_and_reference() -> None:
    sent = orders(3)

    decoded = list(EdifactFormat().decode([written(list(sent))], OPTIONS))

    assert [d.label for d in decoded] == ["ORDERS 1", "ORDERS 2", "ORDERS 3"]
    assert [d.document for d in decoded] == sent
    assert all(d.accepted and d.standard is Standard.EDIFACT for d in decoded)
    assert decoded[1].reference == {"message": "ORDERS", "reference": "2", "interchange": "1"}


def test_references_come_from_the_source_and_are_never_drawn_twice() -> None:
    numbers = Numbers()
    adapter = EdifactFormat()

    first = adapter.encode(orders(2), TARGET, numbers=numbers, at=AT)
    second = adapter.encode(orders(1), TARGET, numbers=numbers, at=AT)

    labels = [(d.reference["interchange"], d.label) for d in adapter.decode([first], OPTIONS)]
    labels += [(d.reference["interchange"], d.label) for d in adapter.decode([second], OPTIONS)]
    assert labels == [("1", "ORDERS 1"), ("1", "ORDERS 2"), ("2", "ORDERS 3")]
    assert dict(numbers.last) == {"interchange": 2, "message": 3}


def test_the_envelope_carries_the_parties_qualifiers_and_syntax() -> None:
    target = EncodeTarget(
        sender=TARGET.sender, receiver=TARGET.receiver, syntax="UNOA", version="D.96A"
    )

    order = make_plain_purchase_order("po-lower", lines=1, buyer=TradingParty(name="Northwind"))

    data = written([order], target)

    assert data.startswith(b"UNA:+.? 'UNB+UNOA:3+4012345000009:14+EURODIS:ZZZ+")
    assert b"+PO-LOWER+" in data  # level A folds lower case
    [decoded] = EdifactFormat().decode([data], OPTIONS)
    assert decoded.accepted


def test_what_the_syntax_identifier_cannot_carry_is_refused_naming_the_field() -> None:
    target = EncodeTarget(sender=TARGET.sender, receiver=TARGET.receiver, syntax="UNOA")
    with_email = make_plain_purchase_order(lines=1)  # the buyer's contact has an e-mail address

    with pytest.raises(EncodeError) as raised:
        written([with_email], target)

    [problem] = raised.value.problems
    assert problem.field.startswith("COM")
    assert "'@' (U+0040) cannot be written in UNOA" in problem.message


def test_unoy_is_written_in_syntax_version_4_as_utf_8() -> None:
    target = EncodeTarget(sender=TARGET.sender, receiver=TARGET.receiver, syntax="UNOY")
    order = make_plain_purchase_order("PO-Ł", lines=1)

    data = written([order], target)

    assert b"UNB+UNOY:4+" in data
    assert "PO-Ł".encode() in data
    [decoded] = EdifactFormat().decode([data], OPTIONS)
    assert decoded.document == order


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        (
            EncodeTarget(sender=PartyIdentity.parse("4012345000009"), receiver=TARGET.receiver),
            "sender",
        ),
        (
            EncodeTarget(sender=TARGET.sender, receiver=PartyIdentity.parse("ZZZZZ:EURODIS")),
            "receiver",
        ),
        (EncodeTarget(sender=TARGET.sender, receiver=None), "receiver"),
        (EncodeTarget(sender=TARGET.sender, receiver=TARGET.receiver, syntax="UNOE"), "syntax"),
        (EncodeTarget(sender=TARGET.sender, receiver=TARGET.receiver, version="D01B"), "version"),
        (EncodeTarget(sender=TARGET.sender, receiver=TARGET.receiver, delimiter=";"), "delimiter"),
    ],
)
def test_a_target_edifact_cannot_write_for_is_named(target: EncodeTarget, expected: str) -> None:
    problems = EdifactFormat().target_problems(target)

    assert [p.field for p in problems] == [expected]
    with pytest.raises(EncodeError) as raised:
        EdifactFormat().encode(orders(1), target, numbers=Numbers(), at=AT)
    assert [p.field for p in raised.value.problems] == [expected]


def test_the_default_target_settings_are_fine() -> None:
    assert EdifactFormat().target_problems(TARGET) == []


def test_writing_needs_control_references_and_a_document() -> None:
    with pytest.raises(EncodeError) as without_numbers:
        EdifactFormat().encode(orders(1), TARGET, numbers=None, at=AT)
    with pytest.raises(EncodeError) as without_documents:
        EdifactFormat().encode([], TARGET, numbers=Numbers(), at=AT)

    assert [p.field for p in without_numbers.value.problems] == ["numbers"]
    assert list(without_documents.value.problems) == [
        Problem("documents", "an interchange needs at least one document")
    ]


def test_a_document_no_message_carries_is_refused() -> None:
    invoice_and_order: list[object] = [make_invoice(), *orders(1)]
    good = written(invoice_and_order)  # INVOIC is carried
    assert [d.label for d in EdifactFormat().decode([good], OPTIONS)] == ["INVOIC 1", "ORDERS 2"]

    with pytest.raises(EncodeError):
        written([object()])


def test_validate_answers_a_good_interchange_with_a_contrl_acknowledging_each_message() -> None:
    decoded, answers = checked(written())

    assert [d.findings for d in decoded] == [(), ()]
    [answer] = answers
    assert answer.label == "CONTRL for interchange 1"
    assert answer.text.startswith("UCI+1+4012345000009:14+EURODIS:ZZZ+7'")
    assert answer.text.count("UCM+") == 2
    assert "+ORDERS:D:96A:UN+7'" in answer.text
    assert not answer.rejected


def test_a_wrong_unz_count_rejects_every_message_of_the_interchange() -> None:
    data = written()
    broken = data.replace(b"UNZ+2+1'", b"UNZ+3+1'")
    assert broken != data

    decoded, [answer] = checked(broken)

    for message in decoded:
        assert not message.accepted
        [finding] = message.findings
        assert (finding.severity, finding.code) == (Severity.ERROR, "29")
        assert finding.location["segment"] == "UNZ"
        assert finding.location["level"] == "interchange"
    assert answer.rejected
    assert "UCI+1+4012345000009:14+EURODIS:ZZZ+4+29+UNZ" in answer.text


def test_a_finding_in_a_message_keeps_its_code_segment_and_element_position() -> None:
    data = written(list(orders(1)))
    text = data.decode("latin-1")
    body = text[text.index("UNH+") :].split("'")
    position = next(i for i, s in enumerate(body, start=1) if s.startswith("QTY+21:"))
    broken = text.replace("QTY+21:10", "QTY+21:1X0", 1).encode("latin-1")

    [decoded], [answer] = checked(broken)

    assert not decoded.accepted
    errors = [f for f in decoded.findings if f.severity is Severity.ERROR]
    assert errors
    assert {f.location["segment"] for f in errors} == {"QTY"}
    assert {f.location["segment_position"] for f in errors} == {position}
    assert {f.location["element_position"] for f in errors} == {1}
    assert f"QTY at segment {position}, element 1" in errors[0].where
    assert f"UCS+{position}" in answer.text
    assert answer.rejected


def test_a_contrl_decodes_to_a_functional_acknowledgement_and_is_not_answered() -> None:
    codec = EdifactCodec()
    [answered] = [e for e in codec.read([written()]) if isinstance(e, InterchangeAnswered)]
    assert answered.acknowledgement is not None
    contrl = codec.answer(
        answered,
        PartnerEnvelope(
            sender=Party(id="EURODIS", qualifier="ZZZ"),
            recipient=Party(id="4012345000009", qualifier="14"),
        ),
        ControlReferences(interchange="900", messages=["1"]),
        at=AT,
    )

    decoded, answers = checked(contrl)

    [message] = decoded
    assert message.label == "CONTRL 1"
    assert isinstance(message.document, FunctionalAcknowledgement)
    assert message.document.control_number == "1"
    assert answers == []


def test_bytes_that_are_not_edifact_are_a_decode_error() -> None:
    with pytest.raises(DecodeError) as raised:
        list(EdifactFormat().decode([b"ISA*00*          *00*"], OPTIONS))

    assert raised.value.problems[0].message.startswith("is not EDIFACT")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(purchase_orders())
def test_canonical_to_edifact_and_back_is_the_identity(order: PurchaseOrder) -> None:
    unicode = EncodeTarget(sender=TARGET.sender, receiver=TARGET.receiver, syntax="UNOY")

    [decoded] = EdifactFormat().decode([written([order], unicode)], OPTIONS)

    assert decoded.accepted, decoded.findings
    assert decoded.document == order
