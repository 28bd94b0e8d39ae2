"""Code lists of the ID elements posync reads, as ASC X12 004010 publishes them.

Each constant is named after what it lists and carries the data element's
reference in its comment. A list is *complete* unless its name ends in
``_IN_USE``: those are the values posync and its partners use out of a list
too long to keep (entity identifiers, reference qualifiers, date qualifiers),
and ``elements`` marks them so that another value is not an invalid code.
005010 changes are in ``v005010``.
"""

from __future__ import annotations


def _codes(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _numbered(first: int, last: int, width: int = 1) -> frozenset[str]:
    return frozenset(str(number).zfill(width) for number in range(first, last + 1))


# -- Interchange control (I01-I18)

AUTHORIZATION_QUALIFIERS = _codes("00 01 02 03 04 05 06")  # I01
SECURITY_QUALIFIERS = _codes("00 01")  # I03
# I05: the 004010 and 005010 values together, so that neither release's
# sender is told its qualifier is invalid.
INTERCHANGE_ID_QUALIFIERS = _numbered(1, 4, 2) | _numbered(7, 38, 2) | _codes("AM NR SA SN ZZ")
CONTROL_STANDARDS_IDENTIFIERS = _codes("U")  # I10, ISA11 up to 00401
INTERCHANGE_VERSIONS_004010 = _codes(  # I11, ISA12
    "00200 00201 00204 00300 00301 00302 00303 00304 00305 00306 00307 00400 00401"
)
ACKNOWLEDGMENT_REQUESTED = _codes("0 1")  # I13
USAGE_INDICATORS = _codes("I P T")  # I14: information, production, test
INTERCHANGE_ACKNOWLEDGMENT_CODES = _codes("A E R")  # I17
INTERCHANGE_NOTE_CODES = _numbered(0, 31, 3)  # I18

# -- Functional group and set headers

FUNCTIONAL_IDENTIFIERS_IN_USE = _codes(  # 479, GS01 and AK101
    "PO PR PC CA SH IN FA RA AG IB SC PS SM QM TX"
)
RESPONSIBLE_AGENCIES = _codes("T X")  # 455
TRANSACTION_SETS_IN_USE = _codes(  # 143, ST01 and AK201
    "810 812 816 820 824 830 832 846 850 852 855 856 860 861 862 864 865 866 867 870 "
    "875 880 940 943 944 945 947 997 999 180 204 210 214 753 754 990"
)

# -- 997 Functional Acknowledgment

GROUP_ACKNOWLEDGE_CODES = _codes("A E M P R W X")  # 715, AK901
SET_ACKNOWLEDGMENT_CODES = _codes("A E M R W X")  # 717, AK501
GROUP_SYNTAX_ERRORS_004010 = _numbered(1, 6) | _numbered(10, 26)  # 716, AK905-AK909
SET_SYNTAX_ERRORS_004010 = _numbered(1, 13) | _numbered(15, 17) | _numbered(19, 27)  # 718
SEGMENT_SYNTAX_ERRORS = _numbered(1, 8)  # 720, AK304
ELEMENT_SYNTAX_ERRORS_004010 = _numbered(1, 10)  # 723, AK403

# -- Beginning segments

TRANSACTION_SET_PURPOSES = _numbered(0, 8, 2) | _codes(  # 353
    "10 11 12 13 14 15 16 17 18 19 20 21 22 24 25 26 27 28 30 31 32 33 34 35 36 37 38 39 "
    "40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 5C 77 CN CO EX GR PR RH RV SU ZZ"
)
PURCHASE_ORDER_TYPES_IN_USE = _codes(  # 92, BEG02 and BCH02
    "BE BK BL CF CN DS KN NE OS PR RE RL RO SA SD SP SS ST ZZ"
)
ACKNOWLEDGMENT_TYPES = _codes(  # 587, BAK02, BEG07, BCA02
    "AC AD AE AH AK AP AT NA RD RF RJ RN RO ZZ"
)
LINE_ITEM_STATUSES_004010 = _codes(  # 668, ACK01 and SN108
    "AC AR BP DR IA IB IC ID IE IF IH IP IQ IR IS IW R1 R2 R3 R4 R5 SP"
)
CHANGE_TYPES = _codes(  # 670, POC02
    "AI CA CB CC CE CF CG CH CI CT DI MU NC OA OC PC PQ PR QD QI RA RB RC RE RM RQ RS RZ TI"
)
HIERARCHICAL_LEVELS_IN_USE = _codes("S O T P I F Q E")  # 735, HL03
HIERARCHICAL_CHILD_CODES = _codes("0 1")  # 736, HL04
ITEM_DESCRIPTION_TYPES = _codes("F S X")  # 349, PID01
YES_NO_CODES = _codes("N U W Y")  # 1073

# -- Parties, references, dates

ENTITY_IDENTIFIERS_IN_USE = _codes(  # 98, N101, N106, CUR01
    "BO BS BT BY CA CN DA II MA MF OB PE PR RE RI SE SF SH SN SO ST SU VN WH Z7 ZZ"
)
IDENTIFICATION_CODE_QUALIFIERS_IN_USE = _codes(  # 66, N103 and TD502
    "1 2 4 9 10 15 21 91 92 UL ZZ"
)
REFERENCE_QUALIFIERS_IN_USE = _codes(  # 128, REF01 and N901
    "11 12 19 AH AN BL BM CN CO CR CT DP IA IT IV MR PK PO SI VN VR ZZ"
)
DATE_QUALIFIERS_IN_USE = _codes(  # 374, DTM01
    "002 003 004 007 010 011 017 036 037 038 063 064 067 068 069 079 118"
)
CONTACT_FUNCTIONS_IN_USE = _codes("BD CN CR DC IC OC SR")  # 366, PER01
COMMUNICATION_QUALIFIERS_IN_USE = _codes("EM EX FX IT TE UR WP")  # 365

# -- Terms, charges, taxes, transport

SHIPMENT_PAYMENT_METHODS_IN_USE = _codes(  # 146, FOB01
    "BP CA CC CD CF DE DF FO HP MX NC NR PA PB PC PD PE PO PP PS PU TP"
)
TERMS_TYPES_IN_USE = _numbered(1, 12, 2) | _codes("14 18 ZZ")  # 336, ITD01
CREDIT_DEBIT_FLAGS = _codes("C D")  # 478, AMT03
ALLOWANCE_OR_CHARGE_INDICATORS = _codes("A C N")  # 248, SAC01
CHARGE_CODES_IN_USE = _codes("C310 D240 D500 F050 G830 H850 ZZZZ")  # 1300, SAC02
TAX_TYPES_IN_USE = _codes("CA CS CT FD GS LS LT PS ST VA")  # 963, TXI01
TRANSPORTATION_METHODS_IN_USE = _codes(  # 91, TD504 and CAD01
    "A AE AF B BU C D E H J L LT M P R S SR T U X ZZ"
)
