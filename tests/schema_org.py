"""The schema.org vocabulary our JSON-LD may use, written down with each term's page, so
tests check structured data without the network.

Each type lists the properties we give it, grouped as schema.org's types inherit them
(Thing, CreativeWork, WebPage…); every one is a property of that type or of a type it
inherits from (checked by hand against the linked pages). A term
used in the JSON-LD but missing here fails the tests: look it up, then add it.
"""

import json
import re

SCHEMA = "https://schema.org"

THING = {"name", "alternateName", "description", "url", "image", "identifier"}
CREATIVE_WORK = THING | {
    "about",
    "author",
    "citation",
    "dateModified",
    "datePublished",
    "headline",
    "inLanguage",
    "mainEntity",
    "publisher",
}
WEB_PAGE = CREATIVE_WORK | {"lastReviewed", "reviewedBy"}
MEDICAL_CONDITION = THING | {"associatedAnatomy", "cause", "possibleTreatment", "signOrSymptom"}

# type -> (its schema.org page, the properties it may carry)
TYPES = {
    "MedicalWebPage": (f"{SCHEMA}/MedicalWebPage", WEB_PAGE),
    "WebPage": (f"{SCHEMA}/WebPage", WEB_PAGE),
    "Article": (f"{SCHEMA}/Article", CREATIVE_WORK),
    "ScholarlyArticle": (f"{SCHEMA}/ScholarlyArticle", CREATIVE_WORK),
    "Book": (f"{SCHEMA}/Book", CREATIVE_WORK),
    "Chapter": (f"{SCHEMA}/Chapter", CREATIVE_WORK),
    "CreativeWork": (f"{SCHEMA}/CreativeWork", CREATIVE_WORK),
    "MedicalCondition": (f"{SCHEMA}/MedicalCondition", MEDICAL_CONDITION),
    "MedicalSignOrSymptom": (f"{SCHEMA}/MedicalSignOrSymptom", MEDICAL_CONDITION),
    "MedicalCause": (f"{SCHEMA}/MedicalCause", THING),
    "MedicalTherapy": (f"{SCHEMA}/MedicalTherapy", THING),
    "AnatomicalStructure": (f"{SCHEMA}/AnatomicalStructure", THING),
    "Person": (f"{SCHEMA}/Person", THING | {"honorificSuffix", "address", "email", "telephone"}),
    "Organization": (f"{SCHEMA}/Organization", THING | {"address", "email", "telephone"}),
    "MedicalClinic": (
        f"{SCHEMA}/MedicalClinic",
        THING | {"address", "email", "hasMap", "openingHoursSpecification", "telephone"},
    ),
    "PostalAddress": (
        f"{SCHEMA}/PostalAddress",
        THING | {"addressLocality", "addressRegion", "postalCode", "streetAddress"},
    ),
    "OpeningHoursSpecification": (
        f"{SCHEMA}/OpeningHoursSpecification",
        THING | {"closes", "dayOfWeek", "opens", "validFrom", "validThrough"},
    ),
    "PropertyValue": (f"{SCHEMA}/PropertyValue", THING | {"propertyID", "value"}),
}

# Every property used, with its schema.org page.
PROPERTIES = {
    name: f"{SCHEMA}/{name}" for _url, properties in TYPES.values() for name in sorted(properties)
}

# Values that are enumeration members, by property.
ENUMERATIONS = {
    "dayOfWeek": {
        f"{SCHEMA}/{day}"
        for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    }
}

_BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld_blocks(html):
    """Every JSON-LD block in a page, parsed."""
    return [json.loads(text) for text in _BLOCK.findall(html)]


def nodes(value):
    """Every object in a JSON-LD value, depth first."""
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from nodes(item)
    elif isinstance(value, list):
        for item in value:
            yield from nodes(item)


def terms_outside_the_vocabulary(block):
    """[] when every type, property and enumeration value in `block` is in the list above."""
    problems = []
    if block.get("@context") != SCHEMA:
        problems.append(f"@context {block.get('@context')!r}")
    for node in nodes(block):
        kind = node.get("@type")
        if kind is None:
            if set(node) != {"@id"}:  # a bare reference to a node described elsewhere
                problems.append(f"object without @type: {sorted(node)}")
            continue
        if kind not in TYPES:
            problems.append(f"type {kind}")
            continue
        allowed = TYPES[kind][1]
        for key, value in node.items():
            if key in ("@type", "@id", "@context"):
                continue
            if key not in PROPERTIES:
                problems.append(f"property {key}")
            elif key not in allowed:
                problems.append(f"{kind}.{key}")
            elif key in ENUMERATIONS and value not in ENUMERATIONS[key]:
                problems.append(f"{kind}.{key} = {value!r}")
    return problems


def of_type(blocks, kind):
    return [node for block in blocks for node in nodes(block) if node.get("@type") == kind]
