"""docs/formats.md documents every CSV column and the list-item shapes posync reads."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from posync.codecs.errors import DecodeError
from posync.codecs.tabular.codec import TABLES, CsvCodec
from posync.codecs.tabular.parties import PARTY

FORMATS = Path(__file__).parents[4] / "docs" / "formats.md"


def csv_section() -> str:
    text = FORMATS.read_text(encoding="utf-8")
    start = text.index("\n## CSV\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def documented_names(section: str) -> set[str]:
    return set(re.findall(r"`([a-z_.]+)`", section))


@pytest.mark.parametrize("table", TABLES, ids=lambda table: table.layout.kind)
def test_every_column_and_the_marker_of_each_kind_is_documented(table: object) -> None:
    layout = table.layout  # type: ignore[attr-defined]
    section = csv_section()
    names = documented_names(section)
    party_parts = set(PARTY)

    undocumented = [
        column
        for column in layout.columns
        if column not in names
        and not any(
            column.endswith(f"_{part}") and f"{column.removesuffix('_' + part)}_..." in names
            for part in party_parts
        )
    ]

    assert undocumented == []
    assert f"`{layout.marker}` ({layout.kind})" in " ".join(section.split())


def test_the_example_error_of_a_list_item_is_what_posync_says() -> None:
    section = " ".join(csv_section().split())
    [example] = re.findall(r"`(row 2, column taxes: [^`]+)`", section)
    text = (
        "invoice_number,invoice_date,currency,total_amount,supplier_name,buyer_name,taxes,"
        "line_number,po_number,po_line,quantity,unit,unit_price\n"
        "INV-1,2026-12-15,EUR,1,ACME,Northwind,VAT 7.46 rate=19%,1,PO-1,1,1,EA,1\n"
    )

    with pytest.raises(DecodeError) as raised:
        CsvCodec().decode([text.encode()])

    assert [str(problem) for problem in raised.value.problems] == [example]
