"""The cXML Response: the synchronous answer to a request, with the standard's status code.

``<cXML payloadID=... timestamp=...><Response><Status code="200" text="OK"/>
</Response></cXML>``. The codes are HTTP's, as cXML uses them: 2xx the
request was taken (200 OK, 201 Accepted: taken, to be processed later, 204
No Content), 4xx the sender must change something (400 Bad Request: it parsed
but cannot be acted on; 401 Unauthorized: the credentials were not
recognised; 403 Forbidden; 406 Not Acceptable: it could not be parsed; 409
Conflict: the receiver's state prevents it, a duplicate for instance; 412
Precondition Failed; 417 Expectation Failed: something it refers to is
missing), 5xx the receiver failed (500 Internal Server Error, 550 Unable to
reach the cXML server, 551 Unable to forward, 560 Temporary server error) and
may be retried.

posync answers an ``UnreadableXml`` (not XML, unsafe, too large) with 406 and
any other ``DecodeError`` with 400, the problems in the Status text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from lxml import etree

from posync.codecs.cxml.envelope import VERSION, doctype, write_root
from posync.codecs.cxml.reading import Node, Reader
from posync.codecs.cxml.safe_xml import UnreadableXml
from posync.codecs.cxml.writing import Writer
from posync.codecs.errors import DecodeError

REASONS = {
    200: "OK",
    201: "Accepted",
    204: "No Content",
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    406: "Not Acceptable",
    409: "Conflict",
    412: "Precondition Failed",
    417: "Expectation Failed",
    500: "Internal Server Error",
    550: "Unable to reach cXML server",
    551: "Unable to forward request",
    560: "Temporary server error",
}
_MOST_DETAIL = 2000


@dataclass(frozen=True, slots=True, kw_only=True)
class CxmlStatus:
    """``Status``: a three-digit ``code``, its ``text`` and an optional longer ``detail``."""

    code: int
    text: str
    detail: str = ""

    @classmethod
    def of(cls, code: int, detail: str = "") -> CxmlStatus:
        """The status ``code`` with the standard's text for it."""
        return cls(code=code, text=REASONS.get(code, "Status"), detail=detail)

    @classmethod
    def ok(cls) -> CxmlStatus:
        return cls.of(200)

    @classmethod
    def refusing(cls, error: DecodeError) -> CxmlStatus:
        """406 for bytes that could not be read as XML, 400 for anything else wrong."""
        listed = "; ".join(str(problem) for problem in error.problems)
        detail = listed if len(listed) <= _MOST_DETAIL else listed[: _MOST_DETAIL - 3] + "..."
        return cls.of(406 if isinstance(error, UnreadableXml) else 400, detail)

    @property
    def succeeded(self) -> bool:
        return 200 <= self.code < 300

    @property
    def retryable(self) -> bool:
        """A server-side failure: sending the same request again may work."""
        return self.code >= 500


@dataclass(frozen=True, slots=True, kw_only=True)
class CxmlResponse:
    """A Response as read: its own payload id and time, and the status it gives."""

    payload_id: str
    timestamp: datetime
    status: CxmlStatus


def write_response(
    status: CxmlStatus, *, payload_id: str, timestamp: datetime, version: str = VERSION
) -> bytes:
    writer = Writer("Response")
    if not 100 <= status.code <= 999:
        writer.fail("status.code", f"must be a three-digit status code, got {status.code}")
    root = write_root(writer, payload_id, timestamp, version)
    response = writer.add(root, "Response")
    writer.add(
        response,
        "Status",
        status.detail or None,
        field="status",
        code=str(status.code),
        text=status.text,
    )
    writer.finish()
    return etree.tostring(
        root, xml_declaration=True, encoding="UTF-8", doctype=doctype(version, "cXML.dtd")
    )


def read_response(reader: Reader, root: Node, payload_id: str, timestamp: datetime) -> CxmlResponse:
    response = root.child("Response")
    assert response is not None  # the codec dispatches here only when there is one
    status = reader.required(response, "Status", "the Status with its code and text")
    code, text, detail = 0, "", ""
    if status is not None:
        number = reader.whole(status, "code", required="the status code", what="a status code")
        if number is not None and not 100 <= number <= 999:
            reader.fail(status.field("code"), f"must be a three-digit status code, got {number}")
        code = number or 0
        text = reader.attribute(status, "text", required="the status text") or ""
        detail = status.text().strip()
    reader.finish()
    return CxmlResponse(
        payload_id=payload_id,
        timestamp=timestamp,
        status=CxmlStatus(code=code, text=text, detail=detail),
    )
