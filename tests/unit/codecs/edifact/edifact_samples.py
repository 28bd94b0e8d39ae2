"""Small EDIFACT interchanges for the syntax-layer tests, built from parts."""

from __future__ import annotations

ORDER_BODY = (
    "BGM+220+PO-4711+9'"
    "DTM+137:20260924:102'"
    "NAD+BY+4012345000009::9'"
    "NAD+DP+4012345000016::9++Lager:Nord+ul. Piotrkowska 1+LODZ++90-001+PL'"
    "CUX+2:EUR:9'"
    "LIN+1++4000862141404:SRV'"
    "QTY+21:12:PCE'"
    "PRI+AAA:9.95'"
    "UNS+S'"
    "CNT+2:1'"
)


def message(reference: str = "1", body: str = ORDER_BODY, kind: str = "ORDERS") -> str:
    """UNH, ``body`` and a UNT that counts right."""
    count = body.count("'") + 2
    return f"UNH+{reference}+{kind}:D:96A:UN'{body}UNT+{count}+{reference}'"


def interchange(
    *messages: str,
    control: str = "42",
    identifier: str = "UNOC:3",
    date: str = "260924:1030",
    count: int | None = None,
    una: str = "",
) -> str:
    """UNB, ``messages`` and a UNZ that counts right (unless ``count`` says otherwise)."""
    written = len(messages) if count is None else count
    return (
        f"{una}UNB+{identifier}+POSYNC:ZZ+EURODIS:14+{date}+{control}'"
        + "".join(messages)
        + f"UNZ+{written}+{control}'"
    )
