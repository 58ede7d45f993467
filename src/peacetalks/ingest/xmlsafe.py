"""Refuse dangerous XML before a lenient parser (feedparser) sees it: entity declarations
(billion laughs, quadratic blowup) and external entities, checked with defusedxml."""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

# feedparser also reads broken XML, which an XML parser may reject before reaching a DTD;
# so any entity declaration in the prolog is refused outright, well-formed or not.
_ENTITY_DECL_RE = re.compile(rb"<!ENTITY", re.I)
_FIRST_ELEMENT_RE = re.compile(rb"<[A-Za-z_:]")


class UnsafeXML(Exception):
    """XML refused for safety; the message is one line."""


def check_xml(data: bytes) -> Element | None:
    """The parsed root if the document is safe and well-formed, None if safe but malformed;
    raises UnsafeXML for entity declarations or external references."""
    root_at = _FIRST_ELEMENT_RE.search(data)
    prolog = data[: root_at.start()] if root_at else data
    if _ENTITY_DECL_RE.search(prolog):
        raise UnsafeXML("refused: XML declares entities (possible entity-expansion bomb)")
    try:
        return fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise UnsafeXML(f"refused unsafe XML: {type(exc).__name__}") from None
    except (ParseError, ValueError):
        return None
