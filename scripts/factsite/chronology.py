"""The order of events: every dated fact, earliest first, ties kept in a stable order."""

from __future__ import annotations

from .model import Fact, Site


def chronological_key(fact: Fact) -> tuple:
    """Start date, then the less precise date first ('1982' before '1982-09'), then the id for a stable order."""
    precision = {"year": 0, "month": 1, "day": 2}[fact.date.precision]
    return (fact.date.start_key(), precision, fact.id)


def dated_facts(site: Site) -> list[Fact]:
    """Facts that carry a date, in chronological order; undated facts are left out."""
    return sorted((fact for fact in site.facts.values() if fact.date), key=chronological_key)
