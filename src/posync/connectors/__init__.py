"""Adapters to the outside world: transports, ERP systems, the clock."""
