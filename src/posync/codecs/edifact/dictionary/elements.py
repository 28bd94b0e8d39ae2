"""The simple data elements of D.96A (and of the service segments) that posync reads.

One line per element: its tag, its representation and its name, as the
directory states them. ``data_elements`` attaches the code lists of ``codes``.
"""

from __future__ import annotations

from posync.codecs.edifact.dictionary.codes import CODE_LISTS
from posync.codecs.edifact.dictionary.schema import DataElement, representation

_USER_ELEMENTS = """
1000 an..35 Document/message name
1001 an..3 Document/message name, coded
1004 an..35 Document/message number
1082 n..6 Line item number
1131 an..3 Code list qualifier
1153 an..3 Reference qualifier
1154 an..35 Reference number
1156 an..6 Line number
1218 n..2 Number of originals of document required
1220 n..2 Number of copies of document required
1222 n..2 Configuration level
1225 an..3 Message function, coded
1227 an..3 Calculation sequence indicator, coded
1229 an..3 Action request/notification, coded
1230 an..35 Allowance or charge number
1366 an..70 Document source
1373 an..3 Document/message status, coded
2009 an..3 Time relation, coded
2005 an..3 Date/time/period qualifier
2013 an..3 Frequency, coded
2015 an..3 Despatch pattern, coded
2017 an..3 Despatch pattern timing, coded
2151 an..3 Type of period, coded
2152 n..3 Number of periods
2379 an..3 Date/time/period format qualifier
2380 an..35 Date/time/period
2475 an..3 Payment time reference, coded
3036 an..35 Party name
3039 an..35 Party id. identification
3042 an..35 Street and number/p.o. box
3045 an..3 Party name format, coded
3055 an..3 Code list responsible agency, coded
3124 an..35 Name and address line
3127 an..17 Carrier identification
3128 an..35 Carrier name
3139 an..3 Contact function, coded
3148 an..512 Communication number
3153 an..3 Communication channel identifier, coded
3155 an..3 Communication channel qualifier
3164 an..35 City name
3207 an..3 Country, coded
3192 an..35 Account holder name
3194 an..17 Account holder number
3222 an..70 Related place/location one
3223 an..25 Related place/location one identification
3224 an..70 Place/location
3225 an..25 Place/location identification
3227 an..3 Place/location qualifier
3229 an..9 Country sub-entity identification
3232 an..70 Related place/location two
3233 an..25 Related place/location two identification
3239 an..3 Country of origin, coded
3251 an..9 Postcode identification
3035 an..3 Party qualifier
3412 an..35 Department or employee
3413 an..17 Department or employee identification
3432 an..70 Institution name
3433 an..11 Institution name identification
3434 an..17 Institution branch number
3436 an..70 Institution branch place
3446 an..20 Party tax identification number
3453 an..3 Language, coded
4000 an..35 Reference version number
4017 an..3 Delivery plan status indicator, coded
4043 an..3 Trade class, coded
4052 an..70 Terms of delivery or transport
4053 an..3 Terms of delivery or transport, coded
4055 an..3 Terms of delivery or transport function, coded
4078 an..70 Handling instructions
4079 an..3 Handling instructions, coded
4183 an..3 Special conditions, coded
4215 an..3 Transport charges method of payment, coded
4221 an..3 Quantity variance reason, coded
4233 an..3 Marking instructions, coded
4276 an..35 Terms of payment
4277 an..17 Terms of payment identification
4279 an..3 Payment terms type qualifier
4294 an..35 Change reason
4295 an..3 Change reason, coded
4343 an..3 Response type, coded
4347 an..3 Product id. function qualifier
4400 an..35 Instruction
4401 an..3 Instruction, coded
4403 an..3 Instruction qualifier
4405 an..3 Status, coded
4431 an..3 Payment guarantee, coded
4435 an..3 Payment channel, coded
4439 an..3 Payment conditions, coded
4440 an..70 Free text
4441 an..3 Free text, coded
4451 an..3 Text subject qualifier
4453 an..3 Text function, coded
4455 an..3 Back order, coded
4457 an..3 Substitution condition, coded
4461 an..3 Payment means, coded
4471 an..3 Settlement, coded
4493 an..3 Delivery requirements, coded
4517 an..3 Seal condition, coded
5004 n..18 Monetary amount
5025 an..3 Monetary amount type qualifier
5118 n..15 Price
5125 an..3 Price qualifier
5152 an..35 Duty/tax/fee type
5153 an..3 Duty/tax/fee type, coded
5189 an..3 Charge/allowance description, coded
5213 an..3 Sub-line price change, coded
5245 an..3 Percentage qualifier
5249 an..3 Percentage basis, coded
5278 an..17 Duty/tax/fee rate
5279 an..7 Duty/tax/fee rate identification
5283 an..3 Duty/tax/fee function qualifier
5284 n..9 Unit price basis
5286 an..15 Duty/tax/fee assessment basis
5289 an..6 Duty/tax/fee account identification
5305 an..3 Duty/tax/fee category, coded
5375 an..3 Price type, coded
5387 an..3 Price type qualifier
5393 an..3 Price multiplier qualifier
5394 n..12 Price multiplier
5402 n..12 Rate of exchange
5419 an..3 Rate type qualifier
5420 n..15 Rate per unit
5463 an..3 Allowance or charge qualifier
5479 an..3 Relation, coded
5482 n..10 Percentage
5495 an..3 Sub-line indicator, coded
6060 n..15 Quantity
6063 an..3 Quantity qualifier
6064 n..15 Quantity difference
6066 n..18 Control value
6069 an..3 Control qualifier
6152 n..18 Range maximum
6154 an..70 Measurement attribute
6155 an..17 Measurement attribute identification
6162 n..18 Range minimum
6167 an..3 Range type qualifier
6311 an..3 Measurement application qualifier
6313 an..3 Measurement dimension, coded
6314 n..18 Measurement value
6321 an..3 Measurement significance, coded
6341 an..3 Currency market exchange, coded
6343 an..3 Currency qualifier
6345 an..3 Currency, coded
6347 an..3 Currency details qualifier
6348 n..4 Currency rate base
6411 an..3 Measure unit qualifier
6432 n..2 Significant digits
7008 an..35 Item description
7009 an..7 Item description identification
7064 an..35 Type of packages
7065 an..17 Type of packages identification
7073 an..3 Packaging terms and conditions, coded
7075 an..3 Packaging level, coded
7077 an..3 Item description type, coded
7081 an..3 Item characteristic, coded
7083 an..3 Configuration, coded
7102 an..35 Shipping marks
7140 an..35 Item number
7143 an..3 Item number type, coded
7160 an..35 Special service
7161 an..3 Special service, coded
7164 an..12 Hierarchical id. number
7166 an..12 Hierarchical parent id.
7224 n..8 Number of packages
7233 an..3 Packaging related information, coded
7293 an..3 Sector/subject identification qualifier
7294 an..35 Requirement/regulation
7295 an..17 Requirement/regulation identification
7297 an..3 Set identification qualifier
7383 an..3 Surface/layer indicator, coded
7402 an..35 Identity number
7405 an..3 Identity number qualifier
7419 an..4 Hazardous material class code, identification
7511 an..3 Type of marking, coded
8028 an..17 Conveyance reference number
8051 an..3 Transport stage qualifier
8053 an..3 Equipment qualifier
8066 an..17 Mode of transport
8067 an..3 Mode of transport, coded
8077 an..3 Equipment supplier, coded
8101 an..3 Transit direction, coded
8154 an..35 Equipment size and type
8155 an..10 Equipment size and type identification
8169 an..3 Full/empty indicator, coded
8178 an..17 Type of means of transport
8179 an..8 Type of means of transport identification
8212 an..35 Id. of the means of transport
8213 an..9 Id. of means of transport identification
8249 an..3 Equipment status, coded
8260 an..17 Equipment identification number
8275 an..3 Container/package status, coded
8281 an..3 Transport ownership, coded
8393 an..3 Returnable package load contents, coded
8395 an..3 Returnable package freight payment responsibility, coded
8453 an..3 Nationality of means of transport, coded
8457 an..3 Excess transportation reason, coded
8459 an..3 Excess transportation responsibility, coded
7130 an..17 Customer authorization number
9213 an..3 Type of duty regime, coded
9302 an..35 Sealing party
9303 an..3 Sealing party, coded
9308 an..10 Seal number
"""

_SERVICE_ELEMENTS = """
0001 a4 Syntax identifier
0002 n1 Syntax version number
0004 an..35 Sender identification
0007 an..4 Partner identification code qualifier
0008 an..14 Address for reverse routing
0010 an..35 Recipient identification
0014 an..14 Routing address
0017 n..8 Date of preparation
0019 n4 Time of preparation
0020 an..14 Interchange control reference
0022 an..14 Recipient's reference/password
0025 an2 Recipient's reference/password qualifier
0026 an..14 Application reference
0029 a1 Processing priority code
0031 n1 Acknowledgement request
0032 an..35 Communications agreement identification
0035 n1 Test indicator
0036 n..6 Interchange control count
0038 an..6 Functional group identification
0040 an..35 Application sender identification
0044 an..35 Application recipient identification
0048 an..14 Functional group reference number
0051 an..3 Controlling agency
0052 an..3 Message type version number
0054 an..3 Message type release number
0057 an..6 Association assigned code
0058 an..14 Application password
0060 n..6 Number of messages
0062 an..14 Message reference number
0065 an..6 Message type identifier
0068 an..35 Common access reference
0070 n..2 Sequence message transfer number
0073 a1 First/last sequence message transfer indication
0074 n..6 Number of segments in the message
0081 a1 Section identification
0083 an..3 Action, coded
0085 an..3 Syntax error, coded
0096 n..6 Segment position in message body
0098 an..3 Erroneous data element position in segment
0104 n..3 Erroneous component data element position
0135 an..3 Service segment tag, coded
0136 an..3 Erroneous data element occurrence
"""


def _parse(table: str) -> dict[str, DataElement]:
    elements = {}
    for line in table.strip().splitlines():
        tag, written, name = line.split(" ", 2)
        kind, low, high = representation(written)
        elements[tag] = DataElement(tag, name, kind, low, high, CODE_LISTS.get(tag))
    return elements


def data_elements() -> dict[str, DataElement]:
    """Every data element posync reads, user and service, by tag."""
    return {**_parse(_SERVICE_ELEMENTS), **_parse(_USER_ELEMENTS)}
