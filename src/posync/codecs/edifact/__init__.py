"""UN/EDIFACT (syntax 3 and 4, directory D.96A): reader, dictionary, CONTRL, mapping, writer.

Bytes come in through ``syntax`` (the UNA service string advice or the
defaults, the release character, the character repertoire of the UNB syntax
identifier) as ``segments.Segment`` values; ``envelope`` checks UNB/UNG/UNH
structures as they close; ``validation`` holds each message against the
D.96A ``dictionary``; ``contrl`` answers with CONTRL; ``mapping`` turns
messages into canonical documents and back.
"""
