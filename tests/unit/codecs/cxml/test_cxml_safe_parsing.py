"""Unsafe XML is refused before anything is read from it, with an error that says why."""

from __future__ import annotations

import time

import pytest

from posync.codecs.cxml import CxmlCodec, CxmlStatus, UnreadableXml
from posync.codecs.errors import DecodeError
from unit.codecs.cxml.cxml_support import sample

CODEC = CxmlCodec()


def refusal(data: bytes, codec: CxmlCodec = CODEC) -> UnreadableXml:
    with pytest.raises(UnreadableXml) as raised:
        codec.decode(data)
    return raised.value


def billion_laughs() -> bytes:
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)
    ]
    return (
        '<?xml version="1.0"?><!DOCTYPE cXML [' + "".join(entities) + "]>"
        '<cXML payloadID="x" timestamp="2026-11-20T10:00:00+00:00">&lol9;</cXML>'
    ).encode()


def test_a_billion_laughs_is_refused_at_once() -> None:
    started = time.perf_counter()
    error = refusal(billion_laughs())

    assert time.perf_counter() - started < 1
    assert "entit" in str(error)
    assert CxmlStatus.refusing(error).code == 406


@pytest.mark.parametrize(
    "system_id", ["file:///etc/passwd", "http://127.0.0.1:9/secret", "https://example.com/x"]
)
def test_an_external_entity_is_refused_without_being_fetched(system_id: str) -> None:
    data = (
        f'<?xml version="1.0"?><!DOCTYPE cXML [<!ENTITY leak SYSTEM "{system_id}">]>'
        '<cXML payloadID="x" timestamp="2026-11-20T10:00:00+00:00">&leak;</cXML>'
    ).encode()

    error = refusal(data)

    assert "entit" in str(error)
    assert "root:" not in str(error)  # nothing of /etc/passwd came back


def test_an_entity_declared_in_another_encoding_is_refused_too() -> None:
    data = (
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE cXML [<!ENTITY leak SYSTEM '
        '"file:///etc/passwd">]><cXML payloadID="x" timestamp="2026-11-20T10:00:00+00:00">'
        "&leak;</cXML>"
    ).encode("utf-16")

    assert "entit" in str(refusal(data))


def test_an_external_parameter_entity_is_refused() -> None:
    data = (
        b'<?xml version="1.0"?><!DOCTYPE cXML [<!ENTITY % remote SYSTEM '
        b'"http://127.0.0.1:9/evil.dtd"> %remote;]><cXML/>'
    )
    assert "entit" in str(refusal(data))


def test_an_internal_dtd_subset_is_refused() -> None:
    data = b'<?xml version="1.0"?><!DOCTYPE cXML [<!ELEMENT cXML ANY>]><cXML/>'
    assert [p.field for p in refusal(data).problems] == ["DOCTYPE"]


def test_an_undeclared_entity_reference_is_refused() -> None:
    data = b'<?xml version="1.0"?><!DOCTYPE cXML SYSTEM "cXML.dtd"><cXML>&nbsp;</cXML>'
    assert "'&nbsp;'" in str(refusal(data))


def test_the_dtd_named_by_the_doctype_is_never_loaded() -> None:
    data = sample("order_request_new.xml").replace(
        b"http://xml.cxml.org/schemas/cXML/1.2.063/cXML.dtd", b"file:///etc/passwd"
    )
    decoded = CODEC.decode(data)

    assert [p.field for p in decoded.problems] == ["DOCTYPE"]  # noted, not loaded


def test_input_above_the_size_limit_is_refused_before_parsing() -> None:
    data = sample("order_request_new.xml")
    small = CxmlCodec(max_bytes=len(data) - 1)

    error = refusal(data, small)

    assert "limit" in str(error)
    assert CxmlCodec(max_bytes=len(data)).decode(data).payload_id


@pytest.mark.parametrize(
    "data", [b"", b"   ", b"not xml at all", b"<cXML>", b"\xff\xfe\x00<", b"<a></b>"]
)
def test_bytes_that_are_not_xml_are_refused_as_unreadable(data: bytes) -> None:
    error = refusal(data)
    assert str(error).startswith("invalid cXML")
    assert CxmlStatus.refusing(error).code == 406


def test_xml_that_is_not_cxml_is_a_bad_request() -> None:
    with pytest.raises(DecodeError) as raised:
        CODEC.decode(b"<Invoice/>")
    assert not isinstance(raised.value, UnreadableXml)
    assert raised.value.problems[0].field == "cXML"
    assert CxmlStatus.refusing(raised.value).code == 400
