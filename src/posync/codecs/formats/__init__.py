"""Every standard behind one protocol: decode, validate and encode, whatever the format.

``model`` defines what each adapter speaks (``DocumentFormat``, ``Decoded``,
``Finding``, ``Answer``, ``EncodeTarget``); ``registry`` holds the adapters
by ``Standard``; ``x12_format``, ``json_format`` and ``csv_format`` adapt
their codecs. ``posync.codecs.sniff`` tells the standard of unlabelled bytes.
"""
