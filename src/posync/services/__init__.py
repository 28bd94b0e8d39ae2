"""Use cases: commands, their handlers, the message bus, and the ports they need.

Handlers take a command and a unit of work; adapters (store, transports,
systems) implement the ports in ``ports`` and are wired in ``bootstrap``.
"""
