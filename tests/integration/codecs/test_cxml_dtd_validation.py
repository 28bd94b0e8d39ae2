"""Every cXML document posync writes validates against the published DTD of its type.

The DTDs live beside the repository in ``../shared/conformance/cxml/``; the
tests skip when that folder is absent. The sample documents in
``tests/fixtures/cxml`` are checked too: valid as written, decoded, encoded
again valid, and decoding what posync wrote gives the same documents.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree

from posync.codecs.cxml import CxmlCodec, CxmlEnvelope, CxmlKind, CxmlStatus
from posync.codecs.cxml.codec import DecodedCxml, dtd_for
from posync.domain.documents import PurchaseOrder
from support.documents import make_invoice, make_ship_notice
from unit.codecs.cxml.cxml_support import (
    ENVELOPE,
    FIXTURES,
    acknowledgements,
    changes,
    invoices,
    orders,
    ship_notices,
)

REPOSITORY = Path(__file__).resolve().parents[3]
CONFORMANCE = (REPOSITORY / ".." / "shared" / "conformance" / "cxml").resolve()
DTD_FILES = {
    "cXML.dtd": "cXML-1.2.063.dtd",
    "Fulfill.dtd": "Fulfill-1.2.063.dtd",
    "InvoiceDetail.dtd": "InvoiceDetail-1.2.037.dtd",
}
CODEC = CxmlCodec()
SAMPLES = sorted(path.name for path in FIXTURES.glob("*.xml"))

pytestmark = pytest.mark.skipif(
    not CONFORMANCE.is_dir(), reason=f"the cXML DTDs are not at {CONFORMANCE}"
)


@cache
def dtd(name: str) -> etree.DTD:
    return etree.DTD(str(CONFORMANCE / DTD_FILES[name]))


def assert_valid(data: bytes) -> None:
    parser = etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False)
    root = etree.fromstring(data, parser)
    named = str(root.getroottree().docinfo.system_url)  # type: ignore[attr-defined]
    checker = dtd(named.rsplit("/", 1)[-1])
    assert checker.validate(root), checker.error_log.filter_from_errors()


def decoded_samples() -> dict[str, DecodedCxml]:
    return {name: CODEC.decode((FIXTURES / name).read_bytes()) for name in SAMPLES}


def order_for(name: str, decoded: dict[str, DecodedCxml]) -> PurchaseOrder | None:
    """The order a sample restates or answers: the update restates the order as it stands."""
    if name.startswith("order_request_"):
        return decoded[name].order
    if name.startswith("confirmation_detail"):
        return decoded["order_request_update.xml"].order
    return None


def envelope_of(decoded: DecodedCxml) -> CxmlEnvelope:
    assert decoded.envelope is not None
    return decoded.envelope


def test_there_is_a_sample_of_each_kind() -> None:
    kinds = {decoded.kind for decoded in decoded_samples().values()}
    assert kinds == set(CxmlKind)
    assert len(SAMPLES) >= 9


@pytest.mark.parametrize("name", SAMPLES)
def test_each_sample_is_valid_as_written(name: str) -> None:
    assert_valid((FIXTURES / name).read_bytes())


@pytest.mark.parametrize("name", SAMPLES)
def test_each_sample_decodes_and_posync_writes_it_again_valid_and_the_same(name: str) -> None:
    decoded = decoded_samples()
    sample = decoded[name]
    if sample.kind is CxmlKind.RESPONSE:
        status = sample.document
        assert isinstance(status.status, CxmlStatus)  # type: ignore[attr-defined]
        data = CODEC.response(status.status, payload_id="r@posync", timestamp=sample.timestamp)  # type: ignore[attr-defined]
        assert_valid(data)
        assert CODEC.decode(data).document.status == status.status  # type: ignore[attr-defined]
        return
    data = CODEC.encode(
        sample.document,
        envelope=envelope_of(sample),
        order=order_for(name, decoded),
        order_payload_ids=sample.order_payload_ids,
    )
    assert_valid(data)
    again = CODEC.decode(data)
    assert again.document == sample.document
    assert again.order == sample.order
    assert again.order_payload_ids == sample.order_payload_ids


def test_the_dtd_of_each_kind_is_the_one_its_doctype_names() -> None:
    assert dtd_for(CxmlKind.ORDER_REQUEST) == "cXML.dtd"
    assert dtd_for(CxmlKind.CONFIRMATION_REQUEST) == "Fulfill.dtd"
    assert dtd_for(CxmlKind.SHIP_NOTICE_REQUEST) == "Fulfill.dtd"
    assert dtd_for(CxmlKind.INVOICE_DETAIL_REQUEST) == "InvoiceDetail.dtd"
    assert dtd_for(CxmlKind.RESPONSE) == "cXML.dtd"


def test_the_shared_factories_documents_are_written_valid() -> None:
    for document in (make_ship_notice(), make_invoice()):
        assert_valid(CODEC.encode(document, envelope=ENVELOPE))


def test_every_status_is_written_valid() -> None:
    for code in (200, 201, 400, 401, 406, 409, 500, 560):
        assert_valid(
            CODEC.response(CxmlStatus.of(code), payload_id="r@posync", timestamp=ENVELOPE.timestamp)
        )


DTD_RUNS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@DTD_RUNS
@given(orders())
def test_generated_orders_are_written_valid(order: PurchaseOrder) -> None:
    assert_valid(CODEC.encode(order, envelope=ENVELOPE))


@DTD_RUNS
@given(changes())
def test_generated_changes_are_written_valid(pair: tuple[object, PurchaseOrder]) -> None:
    change, order = pair
    assert_valid(CODEC.encode(change, envelope=ENVELOPE, order=order))


@DTD_RUNS
@given(acknowledgements())
def test_generated_acknowledgements_are_written_valid(pair: tuple[object, PurchaseOrder]) -> None:
    acknowledgement, order = pair
    assert_valid(CODEC.encode(acknowledgement, envelope=ENVELOPE, order=order))


@DTD_RUNS
@given(ship_notices())
def test_generated_ship_notices_are_written_valid(notice: object) -> None:
    assert_valid(CODEC.encode(notice, envelope=ENVELOPE))


@DTD_RUNS
@given(invoices())
def test_generated_invoices_are_written_valid(invoice: object) -> None:
    assert_valid(CODEC.encode(invoice, envelope=ENVELOPE))
