"""The JSON API: one module of routes per resource, each with a routing table."""
