"""A partner's guide rules as the X12 codec's ``ImplementationGuide``.

The partner holds its guide as plain data (``MessageRules`` by transaction
set); the X12 writer checks every set against an ``ImplementationGuide``.
"""

from __future__ import annotations

from posync.codecs.x12.guide import ImplementationGuide, SetRules
from posync.domain.errors import DomainRuleViolated
from posync.domain.partner_values import MessageRules, PartnerStandard
from posync.domain.partners import TradingPartner


def x12_guide(partner: TradingPartner) -> ImplementationGuide:
    """The X12 implementation guide of ``partner``, named after it."""
    if partner.standard is not PartnerStandard.X12:
        raise DomainRuleViolated(
            f"partner {partner.id} speaks {partner.standard}; an X12 guide needs an x12 partner"
        )
    return ImplementationGuide(
        name=partner.id,
        sets={code: _set_rules(rules) for code, rules in partner.guide.items()},
    )


def _set_rules(rules: MessageRules) -> SetRules:
    return SetRules(
        required_segments=rules.required_segments,
        forbidden_segments=rules.forbidden_segments,
        required_elements=rules.required_elements,
        codes=rules.codes,
        max_lengths=rules.max_lengths,
    )
