"""The X12, canonical JSON and CSV adapters behind one protocol: decode, validate, encode."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from posync.codecs.canonical_json import JsonCodec
from posync.codecs.errors import DecodeError, EncodeError
from posync.codecs.formats.csv_format import CsvFormat
from posync.codecs.formats.json_format import JsonFormat
from posync.codecs.formats.model import (
    Answer,
    Decoded,
    DocumentKind,
    EncodeTarget,
    PartyIdentity,
    ReadOptions,
    Severity,
    Standard,
)
from posync.codecs.formats.x12_format import X12Format
from posync.domain.errors import Problem
from support.documents import (
    VALID_DOCUMENT_FACTORIES,
    make_acknowledgement,
    make_plain_purchase_order,
    make_purchase_order,
)

AT = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
READ = ReadOptions()
X12_TARGET = EncodeTarget(
    sender=PartyIdentity.parse("ZZ:NORTHWIND"), receiver=PartyIdentity.parse("ZZ:ACME")
)


class Numbers:
    """Control numbers counted up in memory, as the store hands them out."""

    def __init__(self) -> None:
        self.last: dict[str, int] = {}

    def reserve(self, kind: str, count: int = 1) -> list[int]:
        start = self.last.get(kind, 0)
        self.last[kind] = start + count
        return list(range(start + 1, start + count + 1))


def test_x12_writes_and_reads_sets_labelled_by_code_and_control_number() -> None:
    orders = [make_plain_purchase_order("PO-1"), make_plain_purchase_order("PO-2")]
    data = X12Format().encode(orders, X12_TARGET, numbers=Numbers(), at=AT)

    decoded = list(X12Format().decode([data], READ))

    assert [d.label for d in decoded] == ["850 0001", "850 0002"]
    assert [d.reference for d in decoded] == [
        {"set": "850", "control_number": "0001"},
        {"set": "850", "control_number": "0002"},
    ]
    assert [d.document for d in decoded] == orders
    assert all(d.accepted and d.standard is Standard.X12 for d in decoded)


def test_x12_validation_answers_with_the_997() -> None:
    data = X12Format().encode([make_plain_purchase_order()], X12_TARGET, numbers=Numbers(), at=AT)

    checked = list(X12Format().validate([data], READ))

    answers = [c for c in checked if isinstance(c, Answer)]
    assert [a.label for a in answers] == ["997 for group 1"]
    assert "AK9*A*1*1*1~" in answers[0].text


def test_x12_findings_keep_their_code_and_coordinates() -> None:
    data = X12Format().encode([make_plain_purchase_order()], X12_TARGET, numbers=Numbers(), at=AT)
    text = data.decode()
    se = text[text.index("~SE*") + 1 :].split("~")[0]
    count = int(se.split("*")[1])
    corrupt = text.replace(se, f"SE*{count + 1}*{se.split('*')[2]}").encode()

    [decoded] = X12Format().decode([corrupt], READ)

    assert not decoded.accepted
    [finding] = decoded.findings
    assert (finding.severity, finding.code) == (Severity.ERROR, "4")
    assert finding.location["segment"] == "SE"
    assert str(finding).startswith("error: SE")


def test_bytes_that_are_not_x12_are_a_decode_error() -> None:
    with pytest.raises(DecodeError, match="is not X12"):
        list(X12Format().decode([b"hello"], READ))


@pytest.mark.parametrize(
    ("target", "fields"),
    [
        (EncodeTarget(), ["sender", "receiver"]),
        (dataclasses.replace(X12_TARGET, sender=PartyIdentity.parse("NORTHWIND")), ["sender"]),
        (dataclasses.replace(X12_TARGET, version="003050"), ["version"]),
        (
            dataclasses.replace(X12_TARGET, syntax="UNOC", decimal_comma=True),
            ["syntax", "decimal_comma"],
        ),
    ],
)
def test_x12_says_what_its_target_lacks(target: EncodeTarget, fields: list[str]) -> None:
    assert [p.field for p in X12Format().target_problems(target)] == fields


def test_x12_will_not_write_without_control_numbers() -> None:
    with pytest.raises(EncodeError, match="numbers: X12 needs control numbers"):
        X12Format().encode([make_purchase_order()], X12_TARGET, numbers=None, at=AT)


@pytest.mark.parametrize("factory", VALID_DOCUMENT_FACTORIES, ids=lambda f: f.__name__)
def test_json_tells_each_document_from_its_fields(factory: object) -> None:
    document = factory()  # type: ignore[operator]
    data = JsonCodec(type(document)).dumps(document).encode()

    [decoded] = JsonFormat().decode([data], READ)

    assert decoded.document == document
    assert decoded.label == "#0"


def test_json_reads_lists_the_po_import_shape_and_decode_output() -> None:
    orders = [make_purchase_order("PO-1"), make_purchase_order("PO-2")]
    written = JsonFormat().encode(orders, EncodeTarget(), numbers=None, at=AT)
    wrapped = {"purchase_orders": json.loads(written)}
    decode_output = [
        {"set": "850", "document_type": "PurchaseOrder", "document": entry, "accepted": True}
        for entry in json.loads(written)
    ]

    for data in (written, json.dumps(wrapped).encode(), json.dumps(decode_output).encode()):
        assert [d.document for d in JsonFormat().decode([data], READ)] == orders


def test_json_that_fits_no_document_is_rejected_with_the_kinds_to_name() -> None:
    [decoded] = JsonFormat().decode([b'{"number": "PO-1"}'], READ)

    assert not decoded.accepted
    [problem] = decoded.problems
    assert problem.message.startswith("cannot tell which document this is from its fields (number)")
    assert "purchase-order" in problem.message


def test_json_kind_option_decides_and_reports_every_missing_field() -> None:
    [decoded] = JsonFormat().decode(
        [b'{"number": "PO-1"}'], ReadOptions(kind=DocumentKind.PURCHASE_ORDER)
    )

    assert not decoded.accepted
    assert {p.field for p in decoded.problems} >= {"order_date", "buyer", "lines"}


def test_json_that_is_not_json_is_a_decode_error() -> None:
    with pytest.raises(DecodeError, match="is not valid JSON"):
        list(JsonFormat().decode([b"{nope"], READ))


def test_validation_of_json_and_csv_holds_documents_to_their_rules() -> None:
    wrong = make_purchase_order(currency="usd")
    for adapter, data in (
        (JsonFormat(), JsonCodec(type(wrong)).dumps(wrong).encode()),
        (CsvFormat(), CsvFormat().encode([wrong], EncodeTarget(), numbers=None, at=AT)),
    ):
        [checked] = adapter.validate([data], READ)

        assert isinstance(checked, Decoded)
        assert not checked.accepted
        [finding] = checked.findings
        assert (finding.code, finding.where) == ("rule", "currency")
        assert str(finding) == "error: currency: must be an ISO 4217 code like 'USD', got 'usd'"


def test_csv_results_are_labelled_by_their_rows() -> None:
    acknowledgements = [make_acknowledgement(), make_acknowledgement(change_number=1, lines=())]
    data = CsvFormat().encode(
        acknowledgements, EncodeTarget(delimiter="\t", decimal_comma=True), numbers=None, at=AT
    )

    decoded = list(CsvFormat().decode([data], ReadOptions(decimal_comma=True)))

    assert [(d.label, d.reference) for d in decoded] == [
        ("rows 2-3", {"rows": "2-3"}),
        ("row 4", {"rows": "4"}),
    ]
    assert [d.document for d in decoded] == acknowledgements


def test_csv_and_json_refuse_envelope_settings() -> None:
    target = dataclasses.replace(X12_TARGET, version="004010")

    assert CsvFormat().target_problems(target) == [
        Problem("sender", "does not apply to csv"),
        Problem("receiver", "does not apply to csv"),
        Problem("version", "does not apply to csv"),
    ]
    with pytest.raises(EncodeError, match="sender: does not apply to json"):
        JsonFormat().encode([make_purchase_order()], target, numbers=None, at=AT)


def test_csv_refuses_a_delimiter_it_cannot_sniff_back() -> None:
    assert CsvFormat().target_problems(EncodeTarget(delimiter="|")) == [
        Problem("delimiter", "must be a comma, a semicolon or a tab; got '|'")
    ]


def test_json_written_keeps_money_exact() -> None:
    order = make_purchase_order(lines=(make_purchase_order().lines[1],))

    written = json.loads(JsonFormat().encode([order], EncodeTarget(), numbers=None, at=AT))

    assert written[0]["lines"][0]["unit_price"] == "0.0001"
    assert Decimal(written[0]["lines"][0]["unit_price"]) == Decimal("0.0001")
