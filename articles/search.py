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
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache

import snowballstemmer
from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVectorExact,
    SearchVectorField,
    TrigramWordSimilarity,
)
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.db.models import F, Q, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Greatest
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


@lru_cache(maxsize=100_000)
def stem(word):
    # Snowball in pure Python costs about 30 µs a word; a page's words repeat, and
    # snippets stem every word of ten pages.
    return _stemmer.stemWord(word)


@lru_cache(maxsize=100_000)
def trigrams(word):
    padded = f"  {word} "
    return frozenset(padded[index : index + 3] for index in range(len(padded) - 2))


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
    return (
        Article.objects.published()
        .filter(
            Q(search_document__isnull=True) | Q(search_document__built_from__lt=F("last_changed"))
        )
        .order_by()  # any order: a search asks for the first few, often for none at all
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
    refresh_stale()
    if connection.vendor == "postgresql":
        ranked = _ranked_in_postgresql(query)
    else:
        ranked = _ranked_in_python(query)
    # The ranking gives page ids only; the ten shown are then read whole, for snippets.
    results = Paginator(ranked, RESULTS_PER_PAGE).get_page(page_number)
    shown = published_documents().select_related("article").in_bulk(results.object_list)
    results.object_list = [_result(shown[pk], query) for pk in results.object_list]
    return results


def published_documents():
    return SearchDocument.objects.filter(article__in=Article.objects.published().values("pk"))


def _ranked_in_postgresql(query):
    """Ids of the matching pages, best first. The pages are found by the GIN index (words)
    and by trigram similarity of title and names (typos), then only those are ranked."""
    quote = connection.ops.quote_name
    column = f"{quote(SearchDocument._meta.db_table)}.{quote(VECTOR_COLUMN)}"
    vector = RawSQL(column, [], output_field=SearchVectorField())
    tsquery = SearchQuery(query.tsquery_text(), search_type="raw", config="english")
    similarity = Greatest(
        TrigramWordSimilarity(query.text, "title"),
        TrigramWordSimilarity(query.text, "names"),
    )
    documents = published_documents()
    found = set(documents.filter(SearchVectorExact(vector, tsquery)).values_list("pk", flat=True))
    with transaction.atomic():
        # pg_trgm's word-similarity operator, which the trigram indexes (migration 0014)
        # answer, at a threshold a little under ours for this transaction; then ours.
        with connection.cursor() as cursor:
            cursor.execute(
                "SET LOCAL pg_trgm.word_similarity_threshold = %s", [SIMILAR_TO_TITLE - 0.01]
            )
        close = Q(TrigramWordSimilar(F("title"), Value(query.text))) | Q(
            TrigramWordSimilar(F("names"), Value(query.text))
        )
        found |= set(
            documents.filter(close)
            .alias(similarity=similarity)
            .filter(similarity__gte=SIMILAR_TO_TITLE)
            .values_list("pk", flat=True)
        )
    return list(
        SearchDocument.objects.filter(pk__in=found)
        .alias(
            score=SearchRank(vector, tsquery, weights=[0.1, 0.2, 0.4, 1.0]) + similarity,
        )
        .order_by("-score", "title")
        .values_list("pk", flat=True)
    )


class _Index:
    """Per worker, the published documents' words as an inverted index: for each stem, the
    pages that have it and how often per field; for each title or name word, the pages
    whose title or names hold it. A search then reads only the pages its words lead to.

    Kept current by (article id, built_from): a document rewritten since this worker last
    looked is read again, one no longer published is dropped (the first search reads all).
    """

    def __init__(self):
        self.built_from = {}  # article id -> built_from of the document indexed, as text
        self.titles = {}  # article id -> title (ties are ordered by it)
        self.postings = defaultdict(dict)  # stem -> {article id: {field: count}}
        self.pages_with_word = defaultdict(set)  # title or name word -> {article id}
        self.vocabulary = {}  # article id -> its title and name words
        self.lock = threading.Lock()  # a worker's threads share it

    def refresh(self):
        # built_from as the database writes it: a version to compare, not a time to convert.
        current = dict(published_documents().values_list("pk", Cast("built_from", TextField())))
        with self.lock:
            for pk in [pk for pk, built in self.built_from.items() if current.get(pk) != built]:
                self._drop(pk)
            missing = [pk for pk in current if pk not in self.built_from]
            for start in range(0, len(missing), 500):
                documents = SearchDocument.objects.filter(pk__in=missing[start : start + 500])
                for document in documents:
                    self._add(document, current[document.pk])
            return len(current)

    def _add(self, document, version):
        pk = document.pk
        self.built_from[pk] = version
        self.titles[pk] = document.title
        for field in WEIGHTS:
            for page_stem, count in Counter(map(stem, words(getattr(document, field)))).items():
                self.postings[page_stem].setdefault(pk, {})[field] = count
        vocabulary = self.vocabulary[pk] = frozenset(words(f"{document.title} {document.names}"))
        for word in vocabulary:
            self.pages_with_word[word].add(pk)

    def _drop(self, pk):
        del self.built_from[pk], self.titles[pk]
        for pages in self.postings.values():
            pages.pop(pk, None)
        for word in self.vocabulary.pop(pk):
            self.pages_with_word[word].discard(pk)


_index = _Index()


def _ranked_in_python(query):
    """Ids of the matching pages, best first."""
    with_pages = _index.refresh()
    index = _index
    ranks = defaultdict(float)
    for query_stem in query.stems:
        counts = {}  # page -> {field: count} of the page stems this query stem matches
        for page_stem, pages in list(index.postings.items()):
            if not (pages and query.stem_matches(query_stem, page_stem)):
                continue
            for pk, fields in pages.items():
                if pk not in counts:
                    counts[pk] = fields  # the index's own: copied before it is added to
                    continue
                merged = counts[pk] = dict(counts[pk])
                for field, count in fields.items():
                    merged[field] = merged.get(field, 0) + count
        if not counts:
            continue
        rarity = math.log(1 + with_pages / len(counts))
        for pk, fields in counts.items():
            ranks[pk] += rarity * sum(
                WEIGHTS[field] * (1 + math.log(count)) for field, count in fields.items() if count
            )
    similar = _Similarity(query, index)
    scored = []
    for pk in ranks.keys() | similar.pages:
        rank = ranks.get(pk, 0.0)
        similarity = similar.to_title(index.vocabulary[pk])
        if rank > 0 or similarity >= SIMILAR_WORD:
            scored.append((rank + similarity, index.titles[pk], pk))
    scored.sort(key=lambda entry: (-entry[0], entry[1]))
    return [pk for _score, _title, pk in scored]


class _Similarity:
    """How close a query's words come to the title and name words of a page. Each distinct
    word is compared once; only the close ones (``SIMILAR_WORD``) count, and `pages` are
    those with a close word."""

    def __init__(self, query, index):
        self.query = query
        self.close = {}  # a title or name word close to a query word -> each similarity
        self.pages = set()
        for known, pages in list(index.pages_with_word.items()):
            if not pages:
                continue
            similarity = [trigram_similarity(word, known) for word in query.words]
            if max(similarity) >= SIMILAR_WORD:
                self.close[known] = similarity
                self.pages |= pages

    def to_title(self, vocabulary):
        close = [self.close[known] for known in vocabulary if known in self.close]
        if not close:
            return 0
        best = [max(values[number] for values in close) for number in range(len(close[0]))]
        return sum(value for value in best if value >= SIMILAR_WORD) / len(self.query.words)


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
