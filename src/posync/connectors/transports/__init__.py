"""Outbound transports: how a message leaves posync for a trading partner.

Each module implements the ``Transport`` port (``posync.services.ports``) for
one ``TransportKind``: ``http`` (an HTTP POST), ``sftp`` (an upload),
``folder`` (a file dropped into a directory) and ``memory`` (recorded, for
tests, demos and the engine benchmark). ``registry`` maps each kind to its
adapter; ``standard_transports()`` is the registry posync runs with. Every
adapter answers one attempt with a ``DeliveryResult`` (delivered, retry or
refused) and never raises for what the partner or the network did; see
docs/transports.md.
"""
