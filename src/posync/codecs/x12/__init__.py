"""ASC X12: the reader, the dictionary, validation, acknowledgements, mapping, the writer.

Bytes come in through ``syntax`` (delimiters from each ISA, segments from
chunks of any size) and ``envelope`` (interchanges, groups and sets, checked
as they close); ``validation`` holds each set against the ``dictionary`` of
its version and the partner's ``guide``; ``acknowledgement`` answers with
997 and TA1; ``mapping`` turns sets into canonical documents and back; and
``writer`` puts segments into envelopes again.
"""
