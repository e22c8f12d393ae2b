"""BibTeX entries."""

import logging
import re
import unicodedata

import bibtexparser

from .dates import read_date_parts, read_full_date, set_date
from .identifiers import DOI_IN_TEXT, URL_IN_TEXT, normalise_doi
from .names import any_name
from .reference import ParsedReference, normalise_pages, strip_period, with_edition

# bibtexparser logs every block it cannot read; we report those to the practitioner instead.
logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)

BIBTEX_START = re.compile(r"^[ \t]*@[ \t]*(?P<type>[A-Za-z]+)[ \t]*[{(]", re.M)
BIBTEX_KINDS = {
    "article": "journal-article",
    "book": "book",
    "mvbook": "book",
    "inbook": "book-chapter",
    "incollection": "book-chapter",
    "bookinbook": "book-chapter",
    "online": "web-page",
    "www": "web-page",
    "webpage": "web-page",
    "electronic": "web-page",
    "standard": "guideline",
}


NOT_REFERENCES = {"comment", "preamble", "string"}


def is_bibtex_reference(original):
    """False for ``@comment``, ``@preamble`` and ``@string`` blocks, which cite nothing."""
    return BIBTEX_START.match(original).group("type").lower() not in NOT_REFERENCES


def parse_bibtex(original, strings=""):
    """One BibTeX entry; ``strings`` holds the paste's ``@string`` blocks, for its macros.

    bibtexparser 2 reads the entry (macros, nesting, quoting); an entry it cannot read
    (a missing brace) is read by our own tolerant reader, which keeps what it can and says
    what was wrong. Authors are always split by our own rules (see ``_bibtex_authors``).
    """
    entry_type = BIBTEX_START.match(original).group("type").lower()
    reference = ParsedReference(original=original, format="bibtex")
    fields = _fields_read_by_bibtexparser(original, strings, reference)
    if fields is None:
        body = original[BIBTEX_START.match(original).end() :]
        fields = _bibtex_fields(body, reference, _macros(strings))
    reference.kind = _bibtex_kind(entry_type, fields, reference)
    reference.authors, reference.authors_incomplete = _bibtex_authors(fields.get("author", ""))
    text = {name: _latex_to_text(value) for name, value in fields.items()}
    if reference.kind == "book-chapter":
        reference.title = strip_period(text.get("chapter") or text.get("title", ""))
        reference.container_title = text.get("booktitle") or (
            text.get("title", "") if "chapter" in text else ""
        )
    else:
        reference.title = with_edition(strip_period(text.get("title", "")), text.get("edition"))
        reference.container_title = (
            text.get("journal") or text.get("journaltitle") or text.get("booktitle") or ""
        )
    reference.publisher = text.get("publisher") or text.get("institution") or ""
    if reference.kind in ("web-page", "guideline") and not reference.container_title:
        site = text.get("organization") or text.get("howpublished") or ""
        reference.container_title = "" if URL_IN_TEXT.match(site) else site
    _read_bibtex_date(text, reference)
    reference.volume = text.get("volume", "")
    reference.issue = text.get("number") or text.get("issue") or ""
    reference.pages = normalise_pages(text.get("pages", ""))
    reference.doi = normalise_doi(_bibtex_verbatim(fields.get("doi", "")))
    reference.url = _bibtex_verbatim(fields.get("url", ""))
    if not reference.doi and DOI_IN_TEXT.match(reference.url):
        reference.doi = normalise_doi(reference.url)
    reference.pmid = re.sub(r"\D", "", text.get("pmid", ""))
    reference.pmcid = text.get("pmcid", "").upper()
    if text.get("eprinttype", "").lower() == "pubmed":
        reference.pmid = re.sub(r"\D", "", text.get("eprint", ""))
    if text.get("urldate"):
        reference.accessed = read_full_date(text["urldate"], reference)
    return reference


def _fields_read_by_bibtexparser(original, strings, reference):
    library = bibtexparser.parse_string(f"{strings}\n{original}" if strings else original)
    if library.failed_blocks or len(library.entries) != 1:
        return None
    macros = {string.key.lower(): str(string.value) for string in library.strings}
    fields = {}
    for field in library.entries[0].fields:
        value = str(field.value)
        if field.enclosing == "no-enclosing" and "#" in value:
            # bibtexparser 2.1 leaves joined values ("bmj # { Open}") as written.
            value, _end = _bibtex_value(value, 0, reference, macros)
        fields[field.key.lower()] = value
    return fields


def _macros(strings):
    if not strings:
        return {}
    library = bibtexparser.parse_string(strings)
    return {string.key.lower(): str(string.value) for string in library.strings}


def _bibtex_verbatim(value):
    # DOIs and addresses are not LaTeX: "~" and "--" in them must survive.
    return re.sub(r"\\([&%$#_~])", r"\1", value).replace("{", "").replace("}", "").strip()


def _bibtex_kind(entry_type, fields, reference):
    # Our own exports say "Systematic review" or "Guideline" in biblatex's type field.
    subtype = fields.get("type", "").lower()
    if "systematic review" in subtype:
        return "systematic-review"
    if "guideline" in subtype:
        return "guideline"
    if entry_type in BIBTEX_KINDS:
        return BIBTEX_KINDS[entry_type]
    if entry_type == "misc" and "url" in fields and "journal" not in fields:
        return "web-page"
    if entry_type != "misc":
        reference.problems.append(
            f"The BibTeX type @{entry_type} was read as a journal article; check the kind."
        )
    return "journal-article"


BIBTEX_FIELD_NAME = re.compile(r"[A-Za-z][\w\-:.+]*\s*=\s*")
BIBTEX_BARE_WORD = re.compile(r"[^\s,#{}()\"]+")  # a number or a macro such as ``sep``


def _bibtex_fields(body, reference, macros):
    """Read ``key, name = {value} # "value", ...`` into a dict of raw (LaTeX) values."""
    fields = {}
    index = body.find(",")
    if index == -1:
        reference.problems.append("This BibTeX entry has no fields.")
        return fields
    index += 1
    while True:
        while index < len(body) and (body[index].isspace() or body[index] == ","):
            index += 1
        if index >= len(body) or body[index] in "})":
            return fields
        name = BIBTEX_FIELD_NAME.match(body, index)
        if not name:
            reference.problems.append("Part of this BibTeX entry could not be read.")
            return fields
        value, index = _bibtex_value(body, name.end(), reference, macros)
        fields[name.group().split("=")[0].strip().lower()] = value


def _bibtex_value(body, index, reference, macros=None):
    """A value at ``index``: braced, quoted, a number or a macro, joined by ``#``."""
    macros = macros or {}
    parts = []
    while True:
        while index < len(body) and body[index].isspace():
            index += 1
        if index >= len(body):
            break
        if body[index] in '{"':
            closing = closing_delimiter(body, index)
            if closing is None:
                reference.problems.append("A brace or quote is missing in this BibTeX entry.")
                parts.append(body[index + 1 :])
                return "".join(parts), len(body)
            parts.append(body[index + 1 : closing])
            index = closing + 1
        else:
            word = BIBTEX_BARE_WORD.match(body, index)
            if not word:
                break
            parts.append(macros.get(word.group().lower(), word.group()))
            index = word.end()
        while index < len(body) and body[index].isspace():
            index += 1
        if index < len(body) and body[index] == "#":
            index += 1
            continue
        break
    return "".join(parts), index


def closing_delimiter(body, index):
    """Index of the brace or quote closing the one at ``index``; braces may nest inside."""
    quote = body[index] == '"'
    depth = 0
    position = index + 1 if quote else index
    while position < len(body):
        char = body[position]
        if char == "\\":
            position += 2  # an escaped brace or quote does not count
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth < 0:
                return None
            if depth == 0 and not quote:
                return position
        elif char == '"' and quote and depth == 0:
            return position
        position += 1
    return None


def _bibtex_authors(value):
    """Split on top-level ``and``; a name wholly in braces is a group, ``others`` = et al."""
    names, depth, current = [], 0, ""
    for token in re.split(r"(\s+and\s+|[{}])", value):
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
        if depth == 0 and re.fullmatch(r"\s+and\s+", token or ""):
            names.append(current)
            current = ""
        else:
            current += token or ""
    names.append(current)
    authors, incomplete = [], False
    for name in (name.strip() for name in names):
        if not name:
            continue
        if name.lower() == "others":
            incomplete = True
        elif (
            name.startswith("{")
            and name.endswith("}")
            and closing_delimiter(name, 0) == len(name) - 1
        ):
            authors.append(_latex_to_text(name))
        else:
            authors.append(any_name(_latex_to_text(name)))
    return authors, incomplete


def _read_bibtex_date(text, reference):
    if text.get("date"):
        year, month, day = read_date_parts(text["date"])
        set_date(reference, year, month, day)
    elif text.get("year"):
        year = re.search(r"\d{4}", text["year"])
        set_date(reference, year.group() if year else None, text.get("month"), text.get("day"))


ACCENTS = {
    "'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303",
    "=": "\u0304", ".": "\u0307", "c": "\u0327", "v": "\u030c", "u": "\u0306",
    "H": "\u030b", "r": "\u030a", "k": "\u0328",
}  # fmt: skip


LATEX_LETTERS = {
    "ss": "ß", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å", "ae": "æ", "AE": "Æ",
    "oe": "œ", "OE": "Œ", "l": "ł", "L": "Ł", "i": "ı",
}  # fmt: skip


LATEX_ESCAPES = [
    r"\textbackslash{}", r"\textasciitilde{}", r"\textasciicircum{}",
    r"\&", r"\%", r"\$", r"\#", r"\_", r"\{", r"\}",
]  # fmt: skip
LATEX_ESCAPED_AS = ["\\", "~", "^", "&", "%", "$", "#", "_", "{", "}"]
LATEX_ESCAPED = re.compile("|".join(re.escape(escape) for escape in LATEX_ESCAPES))
ASIDE = 0xE000  # private-use characters: never in a real reference


def _latex_to_text(value):
    """Turn the LaTeX people put in BibTeX (``{\\'e}``, ``\\&``, ``--``) into plain text."""
    text = re.sub(r"\{?\\([`'^\"~=.])\s*\{?\s*\\?([A-Za-z])\s*\}?\}?", _accent, value)
    text = re.sub(r"\{?\\([cvuHrk])\s*(?:\{\s*\\?([A-Za-z])\s*\}|\s+([A-Za-z]))\}?", _accent, text)
    text = re.sub(
        r"\{?\\(ss|aa|AA|ae|AE|oe|OE|o|O|l|L|i)(?![A-Za-z])\s*(?:\{\})?\}?",
        lambda m: LATEX_LETTERS[m.group(1)],
        text,
    )
    # Escaped characters are held aside, so that the clean-up of braces and ties below
    # cannot touch them.
    text = LATEX_ESCAPED.sub(lambda m: chr(ASIDE + LATEX_ESCAPES.index(m.group())), text)
    text = text.replace("---", "—").replace("--", "–").replace("~", " ")
    text = re.sub(r"\\[A-Za-z]+\*?\s*", "", text)  # formatting commands: keep their text
    text = text.replace("{", "").replace("}", "")
    text = re.sub(r"[\ue000-\ue00f]", lambda m: LATEX_ESCAPED_AS[ord(m.group()) - ASIDE], text)
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _accent(match):
    letter = match.group(2) or match.group(3)
    return unicodedata.normalize("NFC", letter + ACCENTS[match.group(1)])
