"""schema.org structured data (JSON-LD) for the pages: a ClaimReview per checked claim, the glossary as a
DefinedTermSet, each term as a DefinedTerm, the opinion as an Article; serialised safely for a <script> element."""

from __future__ import annotations

import json
from typing import Any

from .layout import GLOSSARY_INDEX
from .model import Fact, Opinion, Site, Term
from .publication import Publication
from .vocabulary import verdicts

# Claim verdicts on the 1 (worst) to 5 (best) scale that schema.org's Rating uses; the label travels with it.
CLAIM_RATINGS = {
    "accurate": 5,
    "broadly-accurate": 4,
    "approximation": 4,
    "inaccurate-wording": 3,
    "imprecise": 3,
    "vague": 2,
    "unattributed-estimate": 2,
    "inaccurate": 1,
}


def script_json(data: dict) -> str:
    """JSON for inside <script>: '<', '>' and '&' escaped so that no text can close the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _site(publication: Publication) -> dict:
    return {"@type": "Organization", "name": publication.name, "url": publication.url}


def _op_ed_author(opinion: Opinion) -> dict:
    return {"@type": "Person", "name": opinion.author, "affiliation": {"@type": "Organization", "name": opinion.organisation}}


def _op_ed(opinion: Opinion) -> dict:
    # No url and no date: the outlet that first published the op-ed and its exact date are not confirmed.
    return {"@type": "Article", "headline": opinion.title, "author": _op_ed_author(opinion)}


def claim_review(fact: Fact, site: Site, publication: Publication) -> dict:
    """A ClaimReview of a claim fact: the passage, where it appeared, the verdict as a rating, who reviewed it, when."""
    reviewed = fact.reviewed.iso()
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": publication.page_url(fact.src_uri),
        "name": fact.title,
        "claimReviewed": fact.claim,
        "itemReviewed": {
            "@type": "Claim",
            "appearance": _op_ed(site.opinion),
            "author": _op_ed_author(site.opinion),
        },
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": CLAIM_RATINGS[fact.verdict],
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": verdicts()[fact.verdict].label,
        },
        "author": _site(publication),
        "datePublished": reviewed,
        "dateModified": reviewed,
    }


def defined_term(term: Term, publication: Publication) -> dict:
    data = {
        "@type": "DefinedTerm",
        "@id": publication.page_url(term.src_uri),
        "url": publication.page_url(term.src_uri),
        "name": term.term,
        "description": term.definition,
        "inDefinedTermSet": publication.page_url(GLOSSARY_INDEX),
    }
    if term.aliases:
        data["alternateName"] = term.aliases
    return data


def defined_term_set(site: Site, publication: Publication) -> dict:
    """The glossary: one DefinedTerm per term, in alphabetical order."""
    terms = sorted(site.terms.values(), key=lambda t: t.term.casefold())
    return {
        "@context": "https://schema.org",
        "@type": "DefinedTermSet",
        "@id": publication.page_url(GLOSSARY_INDEX),
        "url": publication.page_url(GLOSSARY_INDEX),
        "name": f"Glossary of {publication.name}",
        "hasDefinedTerm": [defined_term(term, publication) for term in terms],
    }


def article(opinion: Opinion, publication: Publication) -> dict:
    """The opinion page: the op-ed as an Article by its author and organisation, reproduced on this site."""
    return {
        "@context": "https://schema.org",
        **_op_ed(opinion),
        "url": publication.page_url(opinion.src_uri),
        "isPartOf": {"@type": "WebSite", "name": publication.name, "url": publication.url},
    }


def structured_data(src_uri: str, site: Site, publication: Publication) -> dict[str, Any] | None:
    """The JSON-LD for the page made from ``src_uri``, or None for a page that has none (background facts too)."""
    if src_uri == GLOSSARY_INDEX:
        return defined_term_set(site, publication)
    record = site.record_at(src_uri)
    if isinstance(record, Fact):
        return claim_review(record, site, publication) if record.is_claim and site.opinion else None
    if isinstance(record, Term):
        return {"@context": "https://schema.org", **defined_term(record, publication)}
    if isinstance(record, Opinion):
        return article(record, publication)
    return None
