"""Author names in every order references use, turned into AMA form ("Garrison SR")."""

import re

# Lower-case name particles that belong to the family name ("Araújo, Carla de" is
# "de Araújo C" in AMA).
PARTICLES = {
    "da", "das", "de", "del", "della", "der", "den", "di", "do", "dos", "du",
    "la", "le", "st", "te", "ten", "ter", "van", "von", "zu",
}  # fmt: skip


SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "2nd", "3rd"}


# Words that mark an organisation rather than a person when a name has no comma.
GROUP_WORDS = {
    "agency", "association", "board", "centre", "center", "centers", "collaboration",
    "college", "committee", "consortium", "council", "department", "foundation", "group",
    "institute", "investigators", "ministry", "network", "organization", "organisation",
    "service", "society", "team",
}  # fmt: skip


AMA_PERSON = re.compile(
    r"(?P<family>[^\W\d_][^,;\d]*?)\s+(?P<initials>[A-Z]{1,4})"
    r"(?:\s+(?P<suffix>Jr|Sr|II|III|IV|2nd|3rd)\.?)?"
)


def read_ama_author_list(text):
    """``Knowler WC, Fowler SE, et al; DPP Research Group`` -> (authors, incomplete), else None."""
    parts = [part.strip() for part in re.split(r"[,;]", text) if part.strip()]
    if not parts or not AMA_PERSON.fullmatch(parts[0]):
        return None
    authors, incomplete, groups = [], False, 0
    for part in parts:
        if re.fullmatch(r"et\.?\s*al\.?", part, re.I):
            incomplete = True
        elif AMA_PERSON.fullmatch(part):
            authors.append(part)
        else:
            groups += 1
            authors.append(part)
    # A title sentence with commas is not an author list; allow at most a trailing group.
    if groups > 1 or (groups == 1 and AMA_PERSON.fullmatch(authors[-1])):
        return None
    return authors, incomplete


def inverted_first_author_list(author_text):
    """MLA, Chicago and PubMed's "Cite": the first name inverted, the others not.

    ``Araújo, Carla Adriane Leal de et al.``, ``Melzack, R, and P D Wall.``,
    ``Higgins, Julian P. T., Simon G. Thompson, and Douglas G. Altman.``, or a group.
    """
    text = author_text.strip().rstrip(".").strip()
    incomplete = False
    et_al = re.search(r",?\s*\bet\s+al\.?$", text)
    if et_al:
        incomplete = True
        text = text[: et_al.start()].strip()
    if not text:
        return [], incomplete
    if "," not in text:
        return [text], incomplete
    parts = [part.strip() for part in re.split(r",\s*(?:and\s+)?|\s+and\s+", text)]
    parts = [part for part in parts if part]
    if len(parts) < 2:
        return [text], incomplete
    first = comma_name(f"{parts[0]}, {parts[1]}")
    return [first, *(_natural_name(part) for part in parts[2:])], incomplete


APA_PERSON = re.compile(
    r"(?P<family>[^\W\d_][^,&()]*?),\s+(?P<given>(?:[A-Z][a-z]?\.[\s-]*)+)"
    r"(?:,\s*(?P<suffix>Jr\.|Sr\.|II|III|IV))?\s*(?:,\s*|$)"
)


def read_apa_author_list(text):
    """``Higgins, J. P. T., Thompson, S. G., & Altman, D. G.`` -> (authors, incomplete).

    A list that is not people ("National Institute for Health and Care Excellence.") is
    one group author.
    """
    text = " ".join(text.split()).strip()
    incomplete = bool(re.search(r"(?:\.\.\.|…)", text))
    plain = re.sub(r",?\s*(?:&|\.\.\.|…)\s*", ", ", text).strip().strip(",").strip()
    authors, position = [], 0
    while position < len(plain):
        person = APA_PERSON.match(plain, position)
        if not person:
            return [plain.rstrip(".").strip()], False
        authors.append(
            ama_name(
                person.group("family").strip(), person.group("given"), person.group("suffix") or ""
            )
        )
        position = person.end()
    return authors, incomplete


def any_name(name):
    """A name in any order: ``Family, Given``, ``Given Family``, AMA, or a group."""
    name = " ".join(name.split())
    if "," in name:
        return comma_name(name)
    if AMA_PERSON.fullmatch(name) or _is_group(name):
        return name
    return _natural_name(name)


def comma_name(name):
    """``Garrison, Scott R`` -> ``Garrison SR``; ``von Last, Jr, First`` keeps the suffix."""
    parts = [part.strip() for part in name.split(",")]
    family, given = parts[0], parts[-1]
    suffix = parts[1] if len(parts) == 3 else ""
    if len(parts) == 2 and parts[1].rstrip(".").lower() in SUFFIXES:
        return f"{family} {parts[1].rstrip('.')}"
    return ama_name(family, given, suffix)


def _natural_name(name):
    """``P D Wall`` -> ``Wall PD``; ``Ludwig van Beethoven`` -> ``van Beethoven L``."""
    words = name.split()
    suffix = ""
    if len(words) > 2 and words[-1].rstrip(".").lower() in SUFFIXES:
        suffix = words.pop()
    if len(words) == 1:
        return words[0]
    split_at = next((i for i in range(1, len(words) - 1) if words[i][0].islower()), len(words) - 1)
    return ama_name(" ".join(words[split_at:]), " ".join(words[:split_at]), suffix)


def ama_name(family, given, suffix=""):
    tokens = [token for token in re.split(r"[\s.]+", given) if token]
    particles = []
    while tokens and tokens[-1].lower() in PARTICLES:
        particles.insert(0, tokens.pop())
    initials = "".join(_initials(token) for token in tokens if token.lower() not in PARTICLES)
    family = " ".join([*particles, family])
    return " ".join(part for part in (family, initials, suffix.rstrip(".")) if part)


def _initials(token):
    letters = ""
    for part in (part for part in token.split("-") if part):
        # "JPT" or "SR" in a given-name field are already initials.
        letters += part if part.isupper() and len(part) <= 3 else part[0].upper()
    return letters


def _is_group(name):
    return any(word.lower() in GROUP_WORDS for word in re.findall(r"[^\W\d_]+", name))
