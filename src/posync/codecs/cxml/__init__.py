"""cXML 1.2: safe parsing, the envelope, the Response, and the mapping of each request.

Bytes come in through ``safe_xml`` (a hardened parser: no entities, no DTD
loading, no network, a size limit), ``envelope`` reads and writes the cXML
element with its Header of credentials, ``response`` is the synchronous
answer with its status code, and one module per request maps it to a
canonical document and back: ``order_request`` (OrderRequest new, update,
delete), ``confirmation`` (ConfirmationRequest), ``ship_notice``
(ShipNoticeRequest) and ``invoice`` (InvoiceDetailRequest). ``codec`` puts
them together behind ``CxmlCodec``.
"""

from posync.codecs.cxml.codec import CxmlCodec, CxmlKind, DecodedCxml
from posync.codecs.cxml.envelope import Credential, CxmlEnvelope, DeploymentMode, SharedSecret
from posync.codecs.cxml.response import CxmlResponse, CxmlStatus
from posync.codecs.cxml.safe_xml import DEFAULT_MAX_BYTES, UnreadableXml

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Credential",
    "CxmlCodec",
    "CxmlEnvelope",
    "CxmlKind",
    "CxmlResponse",
    "CxmlStatus",
    "DecodedCxml",
    "DeploymentMode",
    "SharedSecret",
    "UnreadableXml",
]
