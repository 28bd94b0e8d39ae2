"""The pure domain: canonical documents, the purchase-order aggregate, its rules.

Nothing here touches a database, a network or a file; every rule can be
tested with plain objects.
"""
