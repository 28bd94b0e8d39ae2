"""The code lists of D.96A that posync carries, with what each code means.

A list is ``complete`` when it holds every code the directory (or ISO 9735
for the service elements) defines: a value outside it is invalid (0085 code
12). The long lists (document names, qualifiers) hold the codes purchase
orders and their answers use; a value outside them is "not supported in this
position" (14), noted as a warning, not rejected. Units of measure (6411)
are UN/ECE Recommendation 20 codes, far too many to carry: only their form is
checked.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from posync.codecs.edifact.dictionary.schema import CodeList

MESSAGE_FUNCTION = MappingProxyType(
    {
        "1": "cancellation", "2": "addition", "3": "deletion", "4": "change", "5": "replace",
        "6": "confirmation", "7": "duplicate", "8": "status", "9": "original",
        "10": "not found", "11": "response", "12": "not processed", "13": "request",
        "14": "advance notification", "15": "reminder", "16": "proposal",
        "17": "cancel, to be reissued", "18": "reissue", "19": "seller initiated change",
        "20": "replace heading section only", "21": "replace item detail and summary only",
        "22": "final transmission", "23": "transaction on hold", "27": "not accepted",
        "28": "accepted, with amendment in heading section", "29": "accepted without amendment",
        "30": "accepted, with amendment in detail section", "31": "copy",
        "33": "change in heading section",
        "34": "accepted with amendment", "35": "retransmission", "36": "change in detail section",
        "42": "confirmation via specific means", "43": "additional transmission",
        "44": "accepted without reserves", "45": "accepted with reserves", "46": "provisional",
        "47": "definitive", "53": "test",
    }
)  # fmt: skip
"""1225: what the message does to the document it names (BGM 1225)."""

ACTION_REQUEST = MappingProxyType(
    {
        "1": "added", "2": "deleted", "3": "changed", "4": "no action",
        "5": "accepted without amendment", "6": "accepted with amendment", "7": "not accepted",
        "8": "schedule only", "9": "amendments", "10": "not found", "11": "not amended",
        "12": "line item numbers changed", "13": "buyer has deducted amount",
        "14": "buyer claims against invoice", "15": "charge back by seller",
        "16": "seller will issue credit note", "17": "terms changed for new terms",
        "18": "abide outcome of negotiations", "19": "seller rejects dispute",
    }
)  # fmt: skip
"""1229: per line, the action requested (ORDCHG) or taken (ORDRSP) (LIN 1229)."""

DOCUMENT_NAME = MappingProxyType(
    {
        "105": "purchase order", "220": "order", "221": "blanket order", "224": "rush order",
        "225": "repair order", "226": "call off order", "227": "consignment order",
        "228": "sample order", "229": "swap order", "230": "purchase order change request",
        "231": "purchase order response", "232": "hire order", "233": "spare parts order",
        "325": "proforma invoice", "351": "despatch advice", "380": "commercial invoice",
        "381": "credit note", "383": "debit note", "384": "corrected invoice",
        "385": "consolidated invoice", "386": "prepayment invoice", "389": "self-billed invoice",
        "393": "factored invoice",
    }
)  # fmt: skip
"""1001: the document a message carries (BGM C002)."""

RESPONSE_TYPE = MappingProxyType(
    {
        "AB": "message acknowledgement", "AC": "acknowledge - with detail and change",
        "AE": "acknowledge - with exception detail only",
        "AI": "acknowledge - with detail, no change", "AJ": "pending", "AP": "accepted",
        "CA": "conditionally accepted", "NA": "no acknowledgement needed", "RE": "rejected",
    }
)  # fmt: skip
"""4343: how the sender wants the message answered, or how it answers (BGM 4343)."""

DATE_FORMATS = MappingProxyType(
    {
        "101": "YYMMDD", "102": "CCYYMMDD", "201": "YYMMDDHHMM", "202": "YYMMDDHHMMSS",
        "203": "CCYYMMDDHHMM", "204": "CCYYMMDDHHMMSS", "401": "HHMM", "402": "HHMMSS",
        "602": "CCYY", "609": "YYMM", "610": "CCYYMM", "615": "YYWW", "616": "CCYYWW",
        "718": "CCYYMMDD-CCYYMMDD", "719": "CCYYMMDDHHMM-CCYYMMDDHHMM", "802": "month",
        "804": "day",
    }
)  # fmt: skip
"""2379: the format of DTM 2380; the validator checks values in each of these."""


def _codes(listed: str) -> frozenset[str]:
    return frozenset(listed.split())


_CODES: Mapping[str, tuple[frozenset[str], bool]] = {
    # Service elements (ISO 9735), whole lists.
    "0029": (frozenset({"A"}), True),
    "0031": (frozenset({"1"}), True),
    "0035": (frozenset({"1"}), True),
    "0081": (frozenset({"D", "S"}), True),
    "0083": (frozenset({"4", "7", "8"}), True),
    "1225": (frozenset(MESSAGE_FUNCTION), False),
    "1229": (frozenset(ACTION_REQUEST), False),
    "1001": (frozenset(DOCUMENT_NAME), False),
    "4343": (frozenset(RESPONSE_TYPE), False),
    "2379": (frozenset(DATE_FORMATS), False),
    "2005": (
        _codes(
            "2 3 4 10 11 13 17 35 36 37 38 54 61 63 64 67 69 76 94 131 137 140 171 263 "
            "265 267 300 318 200 235 358"
        ),
        False,
    ),
    "3035": (
        _codes("BY SU DP IV SE ST CA CN CZ FW II MF OB PE PR SF UC BT PW DL LC"),
        False,
    ),
    "6063": (
        _codes("1 11 12 21 46 47 48 52 59 61 83 113 124 131 192 193"),
        False,
    ),
    "5025": (
        _codes(
            "8 9 23 52 66 77 79 86 124 125 128 129 131 138 139 146 150 165 176 203 204 259 260 402"
        ),
        False,
    ),
    "5125": (_codes("AAA AAB AAE AAF CAL INV CT"), False),
    "7143": (_codes("BP EN IN MF SA SRV UP VN VP GB PV NB SN"), False),
    "7077": (_codes("A B C E F S X"), False),
    "4451": (_codes("AAA AAB AAI AAO AAR ACB DEL INV ORI PUR ZZZ"), False),
    "1153": (
        _codes("ON VN CT DQ AAK IV CR PK ACD CN BM LI PL VA XA ABO AAU"),
        False,
    ),
    "3055": (_codes("5 6 9 16 86 87 89 90 91 92 ZZZ"), False),
    "6343": (_codes("4 9 10 11"), False),
    "6347": (_codes("2 3"), False),
    "5463": (_codes("A C N"), False),
    "5283": (_codes("5 7 9"), False),
    "5153": (_codes("VAT GST"), False),
    "4347": (_codes("1 5"), False),
    "8051": (_codes("10 20 30"), False),
    "0001": (_codes("UNOA UNOB UNOC UNOD UNOY"), False),
}


CODE_LISTS: Mapping[str, CodeList] = MappingProxyType(
    {tag: CodeList(codes, complete) for tag, (codes, complete) in _CODES.items()}
)
"""The code list of each coded data element posync carries, by tag."""
