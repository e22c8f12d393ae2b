"""Search over what published guides and articles show, in English and Spanish, on
PostgreSQL and on SQLite.

**The index.** Each page has an English ``SearchDocument`` and, once its Spanish is public
(whole and reviewed, ``SpanishState.public()``), a Spanish one, each written from its page
object in that language (``pages.build_page``): title, the condition's names, summary,
record names and every word the page shows. ``pages_changed`` (``articles/changes.py``)
names the pages whose records changed; once their transaction commits, up to
``REFRESH_AT_ONCE`` of them are written again at once. A larger change (a symptom shown on
2,000 guides) only leaves them stale: a document is stale when it was built from an older
``Article.last_changed`` than the page has now, which ``changes.py`` moves when the change
commits, before it signals, so a change too large to follow at once is still found. Each
search first writes up to ``REFRESH_AT_ONCE`` stale or missing documents of published
pages, and ``manage.py refresh_search_index`` writes them all.

Where a page's Spanish stands is worked out by ``translation_status``, another receiver of
the same signal, connected first (``apps.py``), so the documents written here follow the
state it has just stored: a page whose Spanish became public gets its Spanish document
then, one whose Spanish was withdrawn loses it. A review marked without a change
(``translation_status.mark_reviewed``) leaves the Spanish document missing, which the next
search writes. Searches read Spanish documents only of pages public in Spanish now.

**Matching.** A query is read in the language of the page it was typed on. Its words, less
that language's stop words, each match a word of the page that has the same stem or starts
with it ("scoli" finds scoliosis), ranked by where the word is (title and names count
most) and by the share of the query's words the page has ("columna curvada": a page with
both above one with "columna" alone). Misspellings ("thorasic", "charlie horse",
"escolosis") are matched by trigram similarity against the words of titles and names.
Spanish ignores accents and ñ's tilde everywhere ("toracica", "omoplatos"), as Spanish
typed on a phone often lacks them.

- PostgreSQL: ``SearchRank`` over a stored, weighted ``tsvector`` (GIN index, migrations
  ``articles 0010`` and ``0014``: ``english``, and for Spanish documents
  ``clinic_spanish``, the ``spanish`` configuration with ``unaccent`` before its stemmer)
  plus ``pg_trgm`` word similarity to the title and names (``unaccent``-ed in Spanish).
- SQLite, for the small sites it serves: the same rules in Python over the stored
  documents, with Snowball's stemmers (the ones PostgreSQL's configurations use),
  accents folded before stemming as ``clinic_spanish`` does, and trigram similarity
  computed here. Each worker keeps a document's parsed words until the document changes.

``tests/articles/search_queries.py`` holds the patient-phrased queries that measure it
(``bench/search_quality.py`` prints the figures per database).
"""

import logging
import math
import re
import threading
import unicodedata
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
from django.db.models import Case, Exists, F, Func, OuterRef, Q, TextField, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Greatest
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from editing.translation import DEFAULT_LANGUAGE, column

from .models import Article, SearchDocument, SpanishState
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
# A typed word of three letters or fewer is taken whole: "pie", "low" and "mid" begin too
# many words ("piernas", "lower") to stand for them. Longer ones also match as the start
# of a word ("scoli", "calam").
SHORTEST_PARTIAL_WORD = 4
VECTOR_COLUMN = "search_vector"  # PostgreSQL only; see migration articles 0010

SPANISH = "es"


def without_accents(text):
    """ "Torácica" as "toracica", "niño" as "nino": what ``unaccent`` makes of them."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


# PostgreSQL's English stop words (Snowball's list), so both databases ignore the same words.
# Kept as one string of words to read like the list it copies.
ENGLISH_STOP_WORDS = frozenset(
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
# PostgreSQL's Spanish stop words (Snowball's list, tsearch_data/spanish.stop), without
# their accents, as every Spanish word is read: "más" and "mas" are both dropped. A query's
# stop words are dropped here, before either database sees the query, so both agree.
SPANISH_STOP_WORDS = frozenset(
    without_accents(word)
    for word in """
    de la que el en y a los del se las por un para con no una su al lo como más pero sus le
    ya o este sí porque esta entre cuando muy sin sobre también me hasta hay donde quien desde
    todo nos durante todos uno les ni contra otros ese eso ante ellos e esto mí antes algunos
    qué unos yo otro otras otra él tanto esa estos mucho quienes nada muchos cual poco ella
    estar estas algunas algo nosotros mi mis tú te ti tu tus ellas nosotras vosostros
    vosostras os mío mía míos mías tuyo tuya tuyos tuyas suyo suya suyos suyas nuestro
    nuestra nuestros nuestras vuestro vuestra vuestros vuestras esos esas estoy estás está
    estamos estáis están esté estés estemos estéis estén estaré estarás estará estaremos
    estaréis estarán estaría estarías estaríamos estaríais estarían estaba estabas
    estábamos estabais estaban estuve estuviste estuvo estuvimos estuvisteis estuvieron
    estuviera estuvieras estuviéramos estuvierais estuvieran estuviese estuvieses
    estuviésemos estuvieseis estuviesen estando estado estada estados estadas estad he has ha
    hemos habéis han haya hayas hayamos hayáis hayan habré habrás habrá habremos habréis
    habrán habría habrías habríamos habríais habrían había habías habíamos habíais habían hube
    hubiste hubo hubimos hubisteis hubieron hubiera hubieras hubiéramos hubierais hubieran
    hubiese hubieses hubiésemos hubieseis hubiesen habiendo habido habida habidos habidas soy
    eres es somos sois son sea seas seamos seáis sean seré serás será seremos seréis serán
    sería serías seríamos seríais serían era eras éramos erais eran fui fuiste fue fuimos
    fuisteis fueron fuera fueras fuéramos fuerais fueran fuese fueses fuésemos fueseis fuesen
    sintiendo sentido sentida sentidos sentidas siente sentid tengo tienes tiene tenemos
    tenéis tienen tenga tengas tengamos tengáis tengan tendré tendrás tendrá tendremos
    tendréis tendrán tendría tendrías tendríamos tendríais tendrían tenía tenías teníamos
    teníais tenían tuve tuviste tuvo tuvimos tuvisteis tuvieron tuviera tuvieras tuviéramos
    tuvierais tuvieran tuviese tuvieses tuviésemos tuvieseis tuviesen teniendo tenido tenida
    tenidos tenidas tened
    """.split()  # noqa: SIM905
)
WORD = re.compile(r"\w+")

_stemmers = threading.local()  # Snowball's stemmers keep state while stemming a word


@dataclass(frozen=True)
class Reading:
    """How search reads one language, alike on both databases."""

    stop_words: frozenset
    stemmer: str  # Snowball's name for it
    postgres_config: str  # migrations articles 0010 and 0014
    ignores_accents: bool = False

    def fold(self, text):
        text = text.casefold()
        return without_accents(text) if self.ignores_accents else text

    def words(self, text):
        return WORD.findall(self.fold(text))

    def stem(self, word):
        return _stem(self.stemmer, word)


@lru_cache(maxsize=100_000)
def _stem(stemmer, word):
    # Snowball in pure Python costs about 30 µs a word; a page's words repeat, and
    # snippets stem every word of ten pages.
    stemmers = _stemmers.__dict__.setdefault("by_name", {})
    if stemmer not in stemmers:
        stemmers[stemmer] = snowballstemmer.stemmer(stemmer)
    return stemmers[stemmer].stemWord(word)


READINGS = {
    DEFAULT_LANGUAGE: Reading(ENGLISH_STOP_WORDS, "english", "english"),
    SPANISH: Reading(SPANISH_STOP_WORDS, "spanish", "clinic_spanish", ignores_accents=True),
}


@lru_cache(maxsize=100_000)
def trigrams(word):
    padded = f"  {word} "
    return frozenset(padded[index : index + 3] for index in range(len(padded) - 2))


def trigram_similarity(word, other):
    mine, theirs = trigrams(word), trigrams(other)
    return len(mine & theirs) / len(mine | theirs)


@dataclass(frozen=True)
class Query:
    """What a patient typed, as the words that count (folded as its language reads them)
    and their stems."""

    text: str
    words: tuple[str, ...]
    language: str = DEFAULT_LANGUAGE

    @classmethod
    def parse(cls, text, language=DEFAULT_LANGUAGE):
        text = " ".join((text or "").split())[:MAX_QUERY_LENGTH]
        reading = READINGS[language]
        typed = reading.words(text)
        kept = dict.fromkeys(word for word in typed if word not in reading.stop_words)
        return cls(text, tuple(kept), language)

    def __bool__(self):
        return bool(self.words)

    @property
    def reading(self):
        return READINGS[self.language]

    @cached_property
    def stems(self):
        return tuple(self.reading.stem(word) for word in self.words)

    @cached_property
    def _whole_stems(self):
        return {
            stem
            for word, stem in zip(self.words, self.stems, strict=True)
            if not could_be_partial(word)
        }

    def stem_matches(self, query_stem, page_stem):
        # Prefixes as the PostgreSQL query asks for them (tsquery_text).
        if query_stem in self._whole_stems:
            return page_stem == query_stem
        return page_stem.startswith(query_stem)

    def matches_word(self, page_word, fuzzy_words=()):
        """Whether a word of the page (folded) answers this query: same stem, a prefix, or
        close to a word that this query misspelt (`fuzzy_words`)."""
        page_stem = self.reading.stem(page_word)
        if any(self.stem_matches(query_stem, page_stem) for query_stem in self.stems):
            return True
        return page_word in fuzzy_words

    def tsquery_terms(self):
        """Each word as a PostgreSQL ``to_tsquery`` term: a prefix when it is long enough to
        be the start of another."""
        return [f"{word}:*" if could_be_partial(word) else word for word in self.words]

    def tsquery_text(self):
        """Any of the words, as one ``to_tsquery`` text."""
        return " | ".join(self.tsquery_terms())


def could_be_partial(word):
    return len(word) >= SHORTEST_PARTIAL_WORD


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
        with override(page.language):
            text = f"{_('Also called')}: {', '.join(page.also_called)}\n{text}"
    return {
        "title": article.title,
        "names": "\n".join(names),
        "summary": article.teaser,
        "records": "\n".join(records),
        "text": text,
    }


def document_languages(article):
    """English for every page; Spanish too once the page's Spanish is public."""
    if article.spanish_state in SpanishState.public():
        return [DEFAULT_LANGUAGE, SPANISH]
    return [DEFAULT_LANGUAGE]


def refresh_documents(page_ids):
    """Write the search documents of these pages (any state) from their page objects, in
    each language the page has (``document_languages``), and remove any other. Returns
    how many were written."""
    written = []
    for article in Article.objects.for_page().filter(pk__in=page_ids):
        for language in document_languages(article):
            page = build_page(article, related=[], language=language)
            document, _created = SearchDocument.objects.update_or_create(
                article=article,
                language=language,
                defaults={"built_from": article.last_changed, **document_fields(page)},
            )
            written.append(document.pk)
    SearchDocument.objects.filter(article__in=page_ids).exclude(pk__in=written).delete()
    return len(written)


def _current_document(language):
    return SearchDocument.objects.filter(
        article=OuterRef("pk"), language=language, built_from__gte=OuterRef("last_changed")
    )


def stale_pages():
    """Published pages whose English document, or Spanish one while their Spanish is
    public, is missing or older than the page's last change."""
    return Article.objects.published().filter(
        ~Exists(_current_document(DEFAULT_LANGUAGE))
        | (Q(spanish_state__in=SpanishState.public()) & ~Exists(_current_document(SPANISH)))
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


def search(text, *, language=DEFAULT_LANGUAGE, page_number=1):
    """One page of results (a Django ``Page`` of ``Result``) for what a patient typed, among
    the pages public in `language`, read in that language."""
    query = Query.parse(text, language)
    if not query:
        return Paginator([], RESULTS_PER_PAGE).get_page(1)
    # Fewer stale documents than it writes at once: the index is now current. Otherwise
    # some may wait for the next search, and these results must not be kept (page cache).
    index_current = refresh_stale() < REFRESH_AT_ONCE
    if connection.vendor == "postgresql":
        ranked = _ranked_in_postgresql(query)
    else:
        ranked = _ranked_in_python(query)
    # The ranking gives document ids only; the ten shown are then read whole, for snippets.
    results = Paginator(ranked, RESULTS_PER_PAGE).get_page(page_number)
    shown = published_documents(language).select_related("article").in_bulk(results.object_list)
    results.object_list = [_result(shown[pk], query) for pk in results.object_list]
    results.index_current = index_current
    return results


def published_documents(language):
    """The documents in `language` of the pages public in it now: a Spanish document
    outlives its page's Spanish only until the page is next written, and is never read."""
    public = Article.objects.published().in_language(language)
    return SearchDocument.objects.filter(language=language, article__in=public.values("pk"))


def _ranked_in_postgresql(query):
    reading = query.reading
    quote = connection.ops.quote_name
    vector_column = f"{quote(SearchDocument._meta.db_table)}.{quote(VECTOR_COLUMN)}"
    vector = RawSQL(vector_column, [], output_field=SearchVectorField())

    def tsquery(text):
        return SearchQuery(text, search_type="raw", config=reading.postgres_config)

    # How many of the query's words the page has, as on SQLite (_ranked_in_python).
    matched = sum(
        (
            Case(When(vector=tsquery(term), then=Value(1.0)), default=Value(0.0))
            for term in query.tsquery_terms()
        ),
        start=Value(0.0),
    )

    def as_typed(field):
        # unaccent() may be called in a query, though not in the stored vector.
        if reading.ignores_accents:
            return Func(F(field), function="unaccent", output_field=TextField())
        return field

    def as_typed_expression(field):
        typed_field = as_typed(field)
        return F(typed_field) if isinstance(typed_field, str) else typed_field

    typed = reading.fold(query.text)
    similarity = Greatest(
        TrigramWordSimilarity(typed, as_typed("title")),
        TrigramWordSimilarity(typed, as_typed("names")),
    )
    # The pages to rank, found by index: the words by the vector's GIN index, a typo by
    # the trigram indexes of title and names (migration 0016; English: Spanish compares
    # unaccented text, which those do not index). Ranking every page cost each search a
    # ts_rank per page.
    documents = published_documents(query.language)
    found = set(
        documents.filter(SearchVectorExact(vector, tsquery(query.tsquery_text()))).values_list(
            "pk", flat=True
        )
    )
    with transaction.atomic():
        # pg_trgm's word-similarity operator at a threshold a little under ours, for this
        # transaction only; then ours.
        with connection.cursor() as cursor:
            cursor.execute(
                "SET LOCAL pg_trgm.word_similarity_threshold = %s", [SIMILAR_TO_TITLE - 0.01]
            )
        close = Q(TrigramWordSimilar(as_typed_expression("title"), Value(typed))) | Q(
            TrigramWordSimilar(as_typed_expression("names"), Value(typed))
        )
        found |= set(
            documents.filter(close)
            .alias(similarity=similarity)
            .filter(similarity__gte=SIMILAR_TO_TITLE)
            .values_list("pk", flat=True)
        )
    return list(
        SearchDocument.objects.filter(pk__in=found)
        .annotate(
            vector=vector,
            rank=SearchRank(vector, tsquery(query.tsquery_text()), weights=[0.1, 0.2, 0.4, 1.0]),
            similarity=similarity,
        )
        .filter(Q(rank__gt=0) | Q(similarity__gte=SIMILAR_TO_TITLE))
        .annotate(
            # As on SQLite, only a close title or name counts: a faint likeness ("pie" in
            # "piernas") must not outrank the page that has the words.
            score=F("rank") * matched / len(query.words)
            + Case(When(similarity__gte=SIMILAR_TO_TITLE, then=F("similarity")), default=0.0)
        )
        .order_by("-score", "article__title")
        .values_list("pk", flat=True)
    )


class _Index:
    """Per worker and language, the published documents' words as an inverted index: for
    each stem, the documents that have it and how often per field; for each title or name
    word, the documents whose title or names hold it. A search then reads only the
    documents its words lead to.

    Kept current by (document id, built_from): a document rewritten since this worker last
    looked is read again, one no longer public is dropped (a worker's first search reads
    them all).
    """

    def __init__(self, language):
        self.language = language
        self.reading = READINGS[language]
        self.built_from = {}  # document id -> built_from of the document indexed, as text
        self.titles = {}  # document id -> title (ties are ordered by it)
        self.postings = defaultdict(dict)  # stem -> {document id: {field: count}}
        self.pages_with_word = defaultdict(set)  # title or name word -> {document id}
        self.vocabulary = {}  # document id -> its title and name words
        self.lock = threading.Lock()  # a worker's threads share it

    def refresh(self):
        # built_from as the database writes it: a version to compare, not a time to convert.
        current = dict(
            published_documents(self.language).values_list("pk", Cast("built_from", TextField()))
        )
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
        pk, reading = document.pk, self.reading
        self.built_from[pk] = version
        self.titles[pk] = document.title
        for field in WEIGHTS:
            counts = Counter(map(reading.stem, reading.words(getattr(document, field))))
            for page_stem, count in counts.items():
                self.postings[page_stem].setdefault(pk, {})[field] = count
        vocabulary = frozenset(reading.words(f"{document.title} {document.names}"))
        self.vocabulary[pk] = vocabulary
        for word in vocabulary:
            self.pages_with_word[word].add(pk)

    def _drop(self, pk):
        del self.built_from[pk], self.titles[pk]
        for pages in self.postings.values():
            pages.pop(pk, None)
        for word in self.vocabulary.pop(pk):
            self.pages_with_word[word].discard(pk)


_indexes = {language: _Index(language) for language in READINGS}


def _ranked_in_python(query):
    """Ids of the matching documents, best first."""
    index = _indexes[query.language]
    with_pages = index.refresh()
    ranks = defaultdict(float)
    matched = Counter()  # document -> how many of the query's stems it has
    for query_stem in query.stems:
        counts = {}  # document -> {field: count} of the stems this query stem matches
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
            matched[pk] += 1
    similar = _Similarity(query, index)
    scored = []
    for pk in ranks.keys() | similar.pages:
        # The share of the query's words the page has (as on PostgreSQL).
        rank = ranks.get(pk, 0.0) * matched[pk] / len(query.stems)
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
        title=getattr(article, column("title", document.language)),
        url=article.url_in(document.language),
        kind=_("Condition guide") if article.condition_id else _("Article"),
        snippet=snippet(document, query),
    )


# --------------------------------------------------------------------------- snippets


def snippet(document, query):
    """The passage that best answers the query, escaped, its matching words in ``<mark>``."""
    reading = query.reading
    vocabulary = reading.words(f"{document.title} {document.names}")
    fuzzy = {
        known
        for word in query.words
        for known in vocabulary
        if trigram_similarity(word, known) >= SIMILAR_WORD
    }
    blocks = [document.summary, *document.text.splitlines()]
    best, best_count = blocks[0], 0
    for block in blocks:
        count = sum(1 for word in reading.words(block) if query.matches_word(word, fuzzy))
        if count > best_count:
            best, best_count = block, count
    return _marked(best, query, fuzzy)


def _marked(block, query, fuzzy):
    # Pieces alternate: text between words, a word, text between words, ...
    pieces = re.split(r"(\w+)", block)
    word_positions = list(range(1, len(pieces), 2))
    fold = query.reading.fold
    hits = [i for i in word_positions if query.matches_word(fold(pieces[i]), fuzzy)]
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
