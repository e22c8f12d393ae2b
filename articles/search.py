"""Search over what published guides and articles show, on PostgreSQL and on SQLite.

**The index.** Each page has one ``SearchDocument``, written from its page object
(``pages.build_page``): title, the condition's names, summary, record names and every
word the page shows. ``pages_changed`` (``articles/changes.py``) names the pages whose
records changed; once their transaction commits, up to ``REFRESH_AT_ONCE`` of them are
written again at once. A larger change (a symptom shown on 2,000 guides) only leaves them
stale: a document is stale when it was built from an older ``Article.last_changed`` than
the page has now, which ``changes.py`` moves when the change commits, before it signals,
so a change too large to follow at once is still found. Each search first writes up to
``REFRESH_AT_ONCE`` stale or missing documents of published pages, and
``manage.py refresh_search_index`` writes them all.

**Matching.** A query's words, less English stop words, each match a word of the page that
has the same stem or starts with it ("scoli" finds scoliosis), ranked by where the word is
(title and names count most). Misspellings ("thorasic", "charlie horse") are matched by
trigram similarity against the words of titles and names.

- PostgreSQL: ``SearchRank`` over a stored, weighted ``tsvector`` (GIN index, migration
  ``articles 0010``) plus ``pg_trgm`` word similarity to the title and names.
- SQLite, for the small sites it serves: the same rules in Python over the stored
  documents, with Snowball's English stemmer (the one PostgreSQL's ``english``
  configuration uses) and trigram similarity computed here. Each worker keeps a
  document's parsed words until the document changes.

``tests/articles/search_queries.py`` holds the patient-phrased queries that measure it
(``bench/search_quality.py`` prints the figures per database).
"""

import logging
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

import snowballstemmer
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVectorField,
    TrigramWordSimilarity,
)
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.db.models import F, Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import Greatest
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from .models import Article, SearchDocument
from .pages import build_page
from .readability import visible_text

logger = logging.getLogger(__name__)

RESULTS_PER_PAGE = 10
REFRESH_AT_ONCE = 20  # documents written in one request, after a commit or before a search
MAX_QUERY_LENGTH = 200
# Field weights as PostgreSQL's ts_rank applies them to A, B and C.
WEIGHTS = {"title": 1.0, "names": 1.0, "summary": 0.4, "records": 0.4, "text": 0.2}
# A misspelt word matches a title or name word at least this similar (trigrams in common
# over trigrams in either, as pg_trgm counts them): "thorasic" and "thoracic" share 0.5.
SIMILAR_WORD = 0.4
# PostgreSQL's word_similarity: the share of the query's trigrams found in the title or names.
SIMILAR_TO_TITLE = 0.5
SNIPPET_WORDS = 30
VECTOR_COLUMN = "search_vector"  # PostgreSQL only; see migration articles 0010

# PostgreSQL's English stop words (Snowball's list), so both databases ignore the same words.
# Kept as one string of words to read like the list it copies.
STOP_WORDS = frozenset(
    """
    i me my myself we our ours ourselves you your yours yourself yourselves he him his
    himself she her hers herself it its itself they them their theirs themselves what which
    who whom this that these those am is are was were be been being have has had having do
    does did doing a an the and but if or because as until while of at by for with about
    against between into through during before after above below to from up down in out on
    off over under again further then once here there when where why how all any both each
    few more most other some such no nor not only own same so than too very s t can will
    just don should now
    """.split()  # noqa: SIM905
)
WORD = re.compile(r"\w+")
_stemmer = snowballstemmer.stemmer("english")


def words(text):
    return WORD.findall(text.casefold())


def stem(word):
    return _stemmer.stemWord(word)


def trigrams(word):
    padded = f"  {word} "
    return {padded[index : index + 3] for index in range(len(padded) - 2)}


def trigram_similarity(word, other):
    mine, theirs = trigrams(word), trigrams(other)
    return len(mine & theirs) / len(mine | theirs)


@dataclass(frozen=True)
class Query:
    """What a patient typed, as the words that count and their stems."""

    text: str
    words: tuple[str, ...]

    @classmethod
    def parse(cls, text):
        text = " ".join((text or "").split())[:MAX_QUERY_LENGTH]
        kept = dict.fromkeys(word for word in words(text) if word not in STOP_WORDS)
        return cls(text, tuple(kept))

    def __bool__(self):
        return bool(self.words)

    @cached_property
    def stems(self):
        return tuple(stem(word) for word in self.words)

    def stem_matches(self, query_stem, page_stem):
        # Prefixes from three letters, as the PostgreSQL query asks (tsquery_text).
        if len(query_stem) < 3:
            return page_stem == query_stem
        return page_stem.startswith(query_stem)

    def matches_word(self, page_word, fuzzy_words=()):
        """Whether a word of the page answers this query: same stem, a prefix, or close
        to a word that this query misspelt (`fuzzy_words`)."""
        page_stem = stem(page_word)
        if any(self.stem_matches(query_stem, page_stem) for query_stem in self.stems):
            return True
        return page_word in fuzzy_words

    def tsquery_text(self):
        """The words as a PostgreSQL ``to_tsquery`` text: any word, each as a prefix."""
        return " | ".join(word if len(word) < 3 else f"{word}:*" for word in self.words)


# --------------------------------------------------------------------------- the index


def document_fields(page):
    """The text of each weighted field, from the page object: what the page shows."""
    article = page.article
    names = [article.condition.name, *page.also_called] if article.condition else []
    records = [entry.name for section in page.sections for entry in section.entries]
    records += [box.title for box in page.callouts]
    # Citation superscripts hold numbers, not words, so they stay out of the text.
    html = re.sub(r"<sup\b[^>]*>.*?</sup>", "", str(page.source_html), flags=re.DOTALL)
    text = visible_text(html)
    if page.also_called:
        text = f"{_('Also called')}: {', '.join(page.also_called)}\n{text}"
    return {
        "title": article.title,
        "names": "\n".join(names),
        "summary": article.teaser,
        "records": "\n".join(records),
        "text": text,
    }


def refresh_documents(page_ids):
    """Write the search documents of these pages (any state) from their page objects."""
    articles = Article.objects.for_page().filter(pk__in=page_ids)
    for article in articles:
        page = build_page(article, related=[])
        SearchDocument.objects.update_or_create(
            article=article,
            defaults={"built_from": article.last_changed, **document_fields(page)},
        )
    SearchDocument.objects.filter(article__in=set(page_ids) - {a.pk for a in articles}).delete()


def stale_pages():
    """Published pages whose document is missing or older than the page's last change."""
    return Article.objects.published().filter(
        Q(search_document__isnull=True) | Q(search_document__built_from__lt=F("last_changed"))
    )


def refresh_stale():
    """Write up to ``REFRESH_AT_ONCE`` stale documents; the rest wait for the next search."""
    page_ids = list(stale_pages().values_list("pk", flat=True)[:REFRESH_AT_ONCE])
    if page_ids:
        _refresh_without_failing(page_ids)
    return len(page_ids)


def _refresh_without_failing(page_ids):
    # A page that cannot be built now stays stale and is tried again later; a patient's
    # search or a practitioner's save must not fail because of it.
    try:
        with transaction.atomic():  # a savepoint: a failed write leaves the request usable
            refresh_documents(page_ids)
    except Exception:
        logger.exception("Search documents not refreshed for pages %s", sorted(page_ids))


def follow_page_changes(sender, pages, site_wide=False, **kwargs):
    """``pages_changed`` receiver: rewrite a few changed pages now, leave many stale."""
    if pages and len(pages) <= REFRESH_AT_ONCE:
        _refresh_without_failing(pages)


def connect():
    from .changes import pages_changed

    pages_changed.connect(follow_page_changes, dispatch_uid="search-follows-page-changes")


# --------------------------------------------------------------------------- searching


@dataclass
class Result:
    title: str
    url: str
    kind: str
    snippet: str


def search(text, *, page_number=1):
    """One page of results (a Django ``Page`` of ``Result``) for what a patient typed."""
    query = Query.parse(text)
    if not query:
        return Paginator([], RESULTS_PER_PAGE).get_page(1)
    # Fewer stale documents than it writes at once: the index is now current. Otherwise
    # some may wait for the next search, and these results must not be kept (page cache).
    index_current = refresh_stale() < REFRESH_AT_ONCE
    if connection.vendor == "postgresql":
        ranked = _ranked_in_postgresql(query)
    else:
        ranked = _ranked_in_python(query)
    results = Paginator(ranked, RESULTS_PER_PAGE).get_page(page_number)
    results.object_list = [_result(document, query) for document in results.object_list]
    results.index_current = index_current
    return results


def published_documents():
    return SearchDocument.objects.filter(
        article__in=Article.objects.published().values("pk")
    ).select_related("article")


def _ranked_in_postgresql(query):
    quote = connection.ops.quote_name
    column = f"{quote(SearchDocument._meta.db_table)}.{quote(VECTOR_COLUMN)}"
    vector = RawSQL(column, [], output_field=SearchVectorField())
    tsquery = SearchQuery(query.tsquery_text(), search_type="raw", config="english")
    similarity = Greatest(
        TrigramWordSimilarity(query.text, "title"),
        TrigramWordSimilarity(query.text, "names"),
    )
    return (
        published_documents()
        .annotate(
            rank=SearchRank(vector, tsquery, weights=[0.1, 0.2, 0.4, 1.0]),
            similarity=similarity,
        )
        .filter(Q(rank__gt=0) | Q(similarity__gte=SIMILAR_TO_TITLE))
        .annotate(score=F("rank") + F("similarity"))
        .order_by("-score", "article__title")
    )


@dataclass
class _Parsed:
    """A document's words counted by stem, per field, and its title and name words."""

    stems: dict[str, Counter]
    vocabulary: frozenset

    @classmethod
    def of(cls, document):
        stems = {
            field: Counter(stem(word) for word in words(getattr(document, field)))
            for field in WEIGHTS
        }
        vocabulary = frozenset(words(f"{document.title} {document.names}"))
        return cls(stems, vocabulary)


_parsed = {}  # (article id, built_from) -> _Parsed, per worker


def _parse(document):
    key = (document.pk, document.built_from)
    if key not in _parsed:
        for old in [old for old in _parsed if old[0] == document.pk]:
            del _parsed[old]
        _parsed[key] = _Parsed.of(document)
    return _parsed[key]


def _ranked_in_python(query):
    documents = list(published_documents())
    parsed = [_parse(document) for document in documents]

    def frequency(parsed_document, query_stem):
        return {
            field: sum(
                count
                for page_stem, count in counts.items()
                if query.stem_matches(query_stem, page_stem)
            )
            for field, counts in parsed_document.stems.items()
        }

    frequencies = [[frequency(p, query_stem) for query_stem in query.stems] for p in parsed]
    pages_with = [
        sum(1 for per_page in frequencies if any(per_page[index].values()))
        for index in range(len(query.stems))
    ]
    scored = []
    for document, parsed_document, per_term in zip(documents, parsed, frequencies, strict=True):
        rank = 0.0
        for index, fields in enumerate(per_term):
            rarity = math.log(1 + len(documents) / pages_with[index]) if pages_with[index] else 0
            for field, count in fields.items():
                if count:
                    rank += WEIGHTS[field] * (1 + math.log(count)) * rarity
        similarity = _similarity_to_title(query, parsed_document.vocabulary)
        if rank > 0 or similarity >= SIMILAR_WORD:
            scored.append((rank + similarity, document))
    scored.sort(key=lambda pair: (-pair[0], pair[1].title))
    return [document for _score, document in scored]


def _similarity_to_title(query, vocabulary):
    """How close the query's words come to the title and names, 0 to 1."""
    best = [
        max((trigram_similarity(word, known) for known in vocabulary), default=0)
        for word in query.words
    ]
    close = [value for value in best if value >= SIMILAR_WORD]
    return sum(close) / len(query.words)


def _result(document, query):
    article = document.article
    return Result(
        title=article.title,
        url=article.get_absolute_url(),
        kind=_("Condition guide") if article.condition_id else _("Article"),
        snippet=snippet(document, query),
    )


# --------------------------------------------------------------------------- snippets


def snippet(document, query):
    """The passage that best answers the query, escaped, its matching words in ``<mark>``."""
    vocabulary = words(f"{document.title} {document.names}")
    fuzzy = {
        known
        for word in query.words
        for known in vocabulary
        if trigram_similarity(word, known) >= SIMILAR_WORD
    }
    blocks = [document.summary, *document.text.splitlines()]
    best, best_count = blocks[0], 0
    for block in blocks:
        count = sum(1 for word in words(block) if query.matches_word(word, fuzzy))
        if count > best_count:
            best, best_count = block, count
    return _marked(best, query, fuzzy)


def _marked(block, query, fuzzy):
    # Pieces alternate: text between words, a word, text between words, ...
    pieces = re.split(r"(\w+)", block)
    word_positions = list(range(1, len(pieces), 2))
    hits = [i for i in word_positions if query.matches_word(pieces[i].casefold(), fuzzy)]
    first_word = max(0, word_positions.index(hits[0]) - 8) if hits else 0
    hits = set(hits)
    shown = word_positions[first_word : first_word + SNIPPET_WORDS]
    if not shown:
        return ""
    start, end = shown[0], shown[-1]
    html = ["…" if first_word > 0 else escape(pieces[0].lstrip())]
    for index in range(start, end + 1):
        piece = escape(pieces[index])
        html.append(f"<mark>{piece}</mark>" if index in hits else piece)
    html.append("…" if end + 1 < len(pieces) - 1 else escape(pieces[-1].rstrip()))
    return mark_safe("".join(html))
