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
"escolosis") are matched by trigram similarity against the words of titles and names
(each document keeps them, ``title_words``): a page gains, for each query word, the
likeness of its closest title or name word among the site's ``CLOSE_WORDS`` closest to
it. A query counts its first ``MOST_QUERY_WORDS`` words.
Spanish ignores accents and ñ's tilde everywhere ("toracica", "omoplatos"), as Spanish
typed on a phone often lacks them.

- PostgreSQL: ``SearchRank`` over a stored, weighted ``tsvector`` (GIN index, migrations
  ``articles 0010`` and ``0014``: ``english``, and for Spanish documents
  ``clinic_spanish``, the ``spanish`` configuration with ``unaccent`` before its stemmer).
  A misspelt word's close title words are found among every title's words
  (``TitleWord``, with a ``pg_trgm`` index, migration ``0018``), their pages by the
  vector. The database ranks and sorts, and returns one page of results with the count.
  Words are folded here, in Python, on both databases.
- SQLite, for the small sites it serves: the same rules in Python over the stored
  documents, with Snowball's stemmers (the ones PostgreSQL's configurations use),
  accents folded before stemming as ``clinic_spanish`` does, and trigram similarity
  computed here. Each worker keeps an inverted index of the documents, read again only
  for documents rewritten since it last looked.

Each search first checks, in one query, that no public page's document is stale; its
cost grows with the number of pages (5 to 10 ms at 6,000 on this machine), and it never
reads the documents' text: their versions come from an index (migration ``0017``).

``tests/articles/search_queries.py`` holds the patient-phrased queries that measure it
(``bench/search_quality.py`` prints the figures per database).
"""

import bisect
import logging
import math
import operator
import re
import threading
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache, partial, reduce

import snowballstemmer
from django.contrib.postgres.lookups import TrigramSimilar
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVectorExact,
    SearchVectorField,
)
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.db.models import (
    BooleanField,
    Case,
    Exists,
    ExpressionWrapper,
    F,
    FilteredRelation,
    OuterRef,
    Q,
    TextField,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Concat, Greatest, StrIndex
from django.db.models.lookups import GreaterThan
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from editing.translation import DEFAULT_LANGUAGE, column

from .models import Article, SearchDocument, SpanishState, TitleWord
from .pages import build_page
from .readability import visible_text

logger = logging.getLogger(__name__)

RESULTS_PER_PAGE = 10
REFRESH_AT_ONCE = 20  # documents written in one request, after a commit or before a search
MAX_QUERY_LENGTH = 200
MAX_WORD_LENGTH = TitleWord._meta.get_field("word").max_length
# Field weights as PostgreSQL's ts_rank applies them to A, B and C.
WEIGHTS = {"title": 1.0, "names": 1.0, "summary": 0.4, "records": 0.4, "text": 0.2}
# A misspelt word matches a title or name word at least this similar (trigrams in common
# over trigrams in either, as pg_trgm counts them): "thorasic" and "thoracic" share 0.5.
SIMILAR_WORD = 0.4
# The title and name words a misspelt query word is compared with, at most: the closest.
CLOSE_WORDS = 20
# The words of a query that count (after stop words): a patient's search is a few words;
# a pasted paragraph must not cost the database a comparison per word per page.
MOST_QUERY_WORDS = 10
# The highest page number read as one (Paginator shows the last page for any higher).
MOST_PAGES = 10_000
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
        return cls(text, tuple(kept)[:MOST_QUERY_WORDS], language)

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

    def could_be_partial_stem(self, query_stem):
        """Whether `query_stem` also matches the stems it begins (its word was long enough)."""
        return query_stem not in self._whole_stems

    def stem_matches(self, query_stem, page_stem):
        # Prefixes as the PostgreSQL query asks for them (tsquery_text).
        if not self.could_be_partial_stem(query_stem):
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


def title_words(language, title, names):
    """The words of a title and names as search reads them in `language`, less its stop
    words: what a misspelt query word is compared with."""
    reading = READINGS[language]
    return {
        word
        for word in reading.words(f"{title} {names}")
        if word not in reading.stop_words and len(word) <= MAX_WORD_LENGTH
    }


def spaced(words):
    """Words as ``SearchDocument.title_words`` holds them: " back pain upper "."""
    return f" {' '.join(sorted(words))} " if words else ""


def forget_unused_title_words():
    """Drop the title words no document has any more (``refresh_search_index``); until
    then such a word finds no page, and costs nothing but a row.

    The words no document seemed to have are dropped by statements that ask the
    documents again, so a page written meanwhile keeps its words, unless its write
    commits while the statement runs: the page's next write brings such a word back."""
    used = {
        (language, word)
        for language, words in SearchDocument.objects.values_list("language", "title_words")
        for word in words.split()
    }
    unused = [
        pk
        for pk, language, word in TitleWord.objects.values_list("pk", "language", "word")
        if (language, word) not in used
    ]
    in_a_document = SearchDocument.objects.filter(
        language=OuterRef("language"),
        title_words__contains=Concat(Value(" "), OuterRef("word"), Value(" ")),
    )
    dropped = 0
    for start in range(0, len(unused), 500):
        batch = TitleWord.objects.filter(pk__in=unused[start : start + 500])
        dropped += batch.exclude(Exists(in_a_document)).delete()[0]
    return dropped


def document_languages(article):
    """English for every page; Spanish too once the page's Spanish is public."""
    if article.spanish_state in SpanishState.public():
        return [DEFAULT_LANGUAGE, SPANISH]
    return [DEFAULT_LANGUAGE]


def refresh_documents(page_ids):
    """Write the search documents of these pages (any state) from their page objects, in
    each language the page has (``document_languages``), and remove any other. Returns
    how many were written."""
    written, words = [], set()
    for article in Article.objects.for_page().filter(pk__in=page_ids):
        for language in document_languages(article):
            page = build_page(article, related=[], language=language)
            fields = document_fields(page)
            in_title = title_words(language, fields["title"], fields["names"])
            document, _created = SearchDocument.objects.update_or_create(
                article=article,
                language=language,
                defaults={
                    "built_from": article.last_changed,
                    "title_words": spaced(in_title),
                    **fields,
                },
            )
            written.append(document.pk)
            words.update((language, word) for word in in_title)
    SearchDocument.objects.filter(article__in=page_ids).exclude(pk__in=written).delete()
    TitleWord.objects.bulk_create(
        [TitleWord(language=language, word=word) for language, word in words],
        ignore_conflicts=True,
    )
    return len(written)


def _current_document(language):
    return SearchDocument.objects.filter(
        article=OuterRef("pk"), language=language, built_from__gte=OuterRef("last_changed")
    )


def stale_pages(language=None):
    """Published pages whose English document, or Spanish one while their Spanish is
    public, is missing or older than the page's last change; in `language` only, if given
    (a search asks for its own, which the database answers by one anti-join)."""
    if language is not None:
        return (
            Article.objects.published()
            .in_language(language)
            .filter(~Exists(_current_document(language)))
        )
    return Article.objects.published().filter(
        ~Exists(_current_document(DEFAULT_LANGUAGE))
        | (Q(spanish_state__in=SpanishState.public()) & ~Exists(_current_document(SPANISH)))
    )


def refresh_stale(language=None):
    """Write up to ``REFRESH_AT_ONCE`` stale documents; the rest wait for the next search.
    Returns whether none are left stale (of `language`, if given)."""
    # In no order: the database then stops at the first stale pages it meets, instead of
    # sorting every page to find them (a search pays this check each time).
    stale = stale_pages(language).order_by()
    page_ids = list(stale.values_list("pk", flat=True)[: REFRESH_AT_ONCE + 1])
    if page_ids:
        _refresh_without_failing(page_ids[:REFRESH_AT_ONCE])
    return len(page_ids) <= REFRESH_AT_ONCE


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
    # The language's stale documents are written first, up to REFRESH_AT_ONCE. When more
    # were stale, some wait for the next search, and these results must not be kept (page
    # cache).
    if connection.vendor == "postgresql":
        index_current = refresh_stale(language)
        ranked = _RankedInPostgresql(query, first_asked=_asked_page(page_number))
    else:
        index = _indexes[language]
        index_current = index.refresh()
        ranked = _ranked_in_python(query, index)
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


def _asked_page(page_number):
    """The page to read first. A number Paginator.get_page would not show as such (not a
    number, or past any plausible last page, which PostgreSQL's OFFSET could not even
    hold) is no hint: it reads the first, and Paginator then asks for the page it shows."""
    try:
        number = int(page_number)
    except (TypeError, ValueError):
        return 1
    return number if 1 <= number <= MOST_PAGES else 1


class _RankedInPostgresql:
    """The ids of the matching documents, best first, for Django's ``Paginator``: by the
    rules of ``_ranked_in_python``, the words' rank (``SearchRank``) times the share of the
    query's words the page has, plus the likeness of its title and names to the query's
    words.

    PostgreSQL ranks every page found and returns one page of ids with the count of all
    (a window over the same ranking), so the page asked for costs one query however many
    pages match: a word on thousands of pages is ranked and sorted there, not here.
    """

    def __init__(self, query, first_asked=1):
        self.query = query
        self.first_asked = first_asked
        self.known = {}  # position in the ranking -> document id
        self.total = None

    def count(self):
        if self.total is None:
            self._read((self.first_asked - 1) * RESULTS_PER_PAGE, RESULTS_PER_PAGE)
        if self.total is None and self.first_asked == 1:
            self.total = 0  # the first page is empty: nothing matches
        if self.total is None:  # the page asked for is past the last
            self._read(0, 0)
        return self.total

    def __len__(self):
        return self.count()

    def __getitem__(self, part):
        if not isinstance(part, slice) or part.step is not None:
            raise TypeError("Ranked results are read a slice at a time.")
        start = part.start or 0
        stop = self.count() if part.stop is None else min(self.count(), part.stop)
        if any(position not in self.known for position in range(start, stop)):
            self._read(start, stop - start)
        return [self.known[position] for position in range(start, stop)]

    def _read(self, start, limit):
        ranking_sql, params = self.ranking
        # OFFSET 0 keeps the ranking a subquery of its own, so each page's rank and
        # likeness are worked out once, not again for the filter and the order.
        sql = (
            f'SELECT "pk", COUNT(*) OVER () FROM ({ranking_sql} OFFSET 0) AS "ranked"'
            ' WHERE "rank" > 0 OR "likeness" >= %s'
            ' ORDER BY "rank" + "likeness" DESC, "title", "pk"'
        )
        params = (*params, SIMILAR_WORD)
        if limit:
            sql += " LIMIT %s OFFSET %s"
            params += (limit, start)
        else:
            sql = f"SELECT COUNT(*) FROM ({sql}) AS counted"
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        if not limit:
            self.total = rows[0][0]
            return
        self.known.update((start + number, pk) for number, (pk, _total) in enumerate(rows))
        if rows:
            self.total = rows[0][1]

    @cached_property
    def close(self):
        return _close_title_words(self.query)

    @cached_property
    def ranking(self):
        """The ranking's SQL and parameters, the subquery each read pages through."""
        query, reading = self.query, self.query.reading
        quote = connection.ops.quote_name
        vector_column = f"{quote(SearchDocument._meta.db_table)}.{quote(VECTOR_COLUMN)}"
        vector = RawSQL(vector_column, [], output_field=SearchVectorField())

        def tsquery(text):
            return SearchQuery(text, search_type="raw", config=reading.postgres_config)

        def has(text):
            return SearchVectorExact(vector, tsquery(text))

        def worth(condition, value):
            return Case(When(condition, then=Value(value)), default=Value(0.0))

        terms = query.tsquery_terms()
        words = tsquery(query.tsquery_text())
        # How many of the query's words the page has. Each test reads the page's vector
        # again (kilobytes, stored compressed), so a query of one word asks none: a page
        # with a rank has it.
        matched = Value(1.0)
        if len(terms) > 1:
            matched = sum((worth(has(term), 1.0) for term in terms), start=Value(0.0))
        # The title's likeness, as on SQLite (_Similarity): for each query word, the
        # closest of its close title words that the title or names hold, looked up in the
        # document's title words (a plain substring test: no pattern to compile).
        close = self.close

        def holds(word):
            return GreaterThan(StrIndex("title_words", Value(f" {word} ")), 0)

        likeness = sum(
            (
                _greatest(worth(holds(known), similarity) for known, similarity in near.items())
                for near in close
                if near
            ),
            start=Value(0.0),
        )
        # The pages found by the vector's GIN index: those with the words, and those
        # whose title or names (weight A) have the stem of a close title word (a typo's
        # page).
        found = Q(has(query.tsquery_text()))
        in_titles = " | ".join(f"{known}:A" for near in close for known in near)
        if in_titles:
            found |= Q(has(in_titles))
        return (
            published_documents(query.language)
            .filter(found)
            .annotate(
                rank=SearchRank(vector, words, weights=[0.1, 0.2, 0.4, 1.0]) * matched / len(terms),
                likeness=likeness / len(query.words),
            )
            .values_list("pk", "title", "rank", "likeness")
            .query.sql_with_params()
        )


def _greatest(expressions):
    expressions = list(expressions)
    return Greatest(*expressions) if len(expressions) > 1 else expressions[0]


def _close_title_words(query):
    """For each of the query's words, its closest title and name words (``TitleWord``), as
    ``closest_words`` picks them: found by pg_trgm's trigram index at a threshold a little
    under ours, set here, then measured by ``trigram_similarity``, as on SQLite.

    Unlike SQLite's, which knows only public pages, ``TitleWord`` holds the words of every
    page written (drafts, Spanish not yet public, titles since changed until
    ``refresh_search_index``): such a word finds no page, but with more than
    ``CLOSE_WORDS`` close words it could take a public word's place."""
    near = reduce(operator.or_, (Q(TrigramSimilar(F("word"), Value(word))) for word in query.words))
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL pg_trgm.similarity_threshold = %s", [SIMILAR_WORD - 0.01])
        candidates = list(
            TitleWord.objects.filter(near, language=query.language).values_list("word", flat=True)
        )
    return [closest_words(word, candidates) for word in query.words]


def closest_words(word, candidates):
    """{candidate: likeness} of the ``CLOSE_WORDS`` candidates most like `word`, each at
    least ``SIMILAR_WORD`` alike (ties by the word, so both databases keep the same)."""
    likeness = {known: trigram_similarity(word, known) for known in candidates}
    nearest = sorted(
        (known for known, value in likeness.items() if value >= SIMILAR_WORD),
        key=lambda known: (-likeness[known], known),
    )
    return {known: likeness[known] for known in nearest[:CLOSE_WORDS]}


def _best_first(scored):
    """Document ids from (id, title, score), highest score first, ties by title, then id
    (as PostgreSQL orders them)."""
    return [pk for pk, _title, _score in sorted(scored, key=lambda row: (-row[2], row[1], row[0]))]


class _Index:
    """Per worker and language, the published documents' words as an inverted index: for
    each stem, the documents that have it and how often per field; for each title or name
    word, the documents whose title or names hold it; for each trigram, the title and name
    words that have it. A search then reads only the documents its words lead to, and
    compares a misspelt word only with the words that share a trigram with it.

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
        self.sorted_stems = []  # the stems of postings, in order, for prefixes ("scoli")
        self.pages_with_word = defaultdict(set)  # title or name word -> {document id}
        self.words_with_trigram = defaultdict(set)  # trigram -> {title or name word}
        self.vocabulary = {}  # document id -> its title and name words
        self.lock = threading.Lock()  # a worker's threads share it

    def refresh(self):
        """Write this language's stale documents (up to ``REFRESH_AT_ONCE``), then read the
        ones rewritten since this worker last looked. Returns whether none are left stale.

        One query answers both (the pages public in this language, each with its document's
        version and whether it is current), so a search with nothing stale costs one read.
        """
        pages = self._pages_and_documents()
        stale = [page for page, _document, _version, current in pages if not current]
        if stale:
            _refresh_without_failing(stale[:REFRESH_AT_ONCE])
            pages = self._pages_and_documents()
        current = {document: version for _page, document, version, _current in pages if document}
        with self.lock:
            for pk in [pk for pk, built in self.built_from.items() if current.get(pk) != built]:
                self._drop(pk)
            missing = [pk for pk in current if pk not in self.built_from]
            for start in range(0, len(missing), 500):
                documents = SearchDocument.objects.filter(pk__in=missing[start : start + 500])
                for document in documents:
                    self._add(document, current[document.pk])
            if missing:
                self.sorted_stems = sorted(stem for stem, pages in self.postings.items() if pages)
        return len(stale) <= REFRESH_AT_ONCE

    def _pages_and_documents(self):
        document = FilteredRelation(
            "search_documents", condition=Q(search_documents__language=self.language)
        )
        return list(
            Article.objects.published()
            .in_language(self.language)
            .annotate(document=document)
            .order_by()
            .values_list(
                "pk",
                "document__pk",
                # built_from as the database writes it: a version to compare, not a time
                # to convert.
                Cast("document__built_from", TextField()),
                ExpressionWrapper(
                    Q(document__built_from__gte=F("last_changed")), output_field=BooleanField()
                ),
            )
        )

    @property
    def size(self):
        return len(self.built_from)

    def stems_matching(self, query, query_stem):
        """The stems of the index that `query_stem` matches: itself, or every stem it
        begins (``Query.stem_matches``)."""
        if not query.could_be_partial_stem(query_stem):
            return [query_stem] if self.postings.get(query_stem) else []
        stems = self.sorted_stems
        matching = []
        for position in range(bisect.bisect_left(stems, query_stem), len(stems)):
            if not stems[position].startswith(query_stem):
                break
            matching.append(stems[position])
        return matching

    def _add(self, document, version):
        pk, reading = document.pk, self.reading
        self.built_from[pk] = version
        self.titles[pk] = document.title
        for field in WEIGHTS:
            counts = Counter(map(reading.stem, reading.words(getattr(document, field))))
            for page_stem, count in counts.items():
                self.postings[page_stem].setdefault(pk, {})[field] = count
        vocabulary = frozenset(document.title_words.split())
        self.vocabulary[pk] = vocabulary
        for word in vocabulary:
            if word not in self.pages_with_word:
                for trigram in trigrams(word):
                    self.words_with_trigram[trigram].add(word)
            self.pages_with_word[word].add(pk)

    def _drop(self, pk):
        # A word or stem left with no page stays, empty: searches skip it.
        del self.built_from[pk], self.titles[pk]
        for pages in self.postings.values():
            pages.pop(pk, None)
        for word in self.vocabulary.pop(pk):
            self.pages_with_word[word].discard(pk)


_indexes = {language: _Index(language) for language in READINGS}


def _ranked_in_python(query, index):
    """Ids of the matching documents, best first."""
    with index.lock:
        ranks = defaultdict(float)
        matched = Counter()  # document -> how many of the query's stems it has
        for query_stem in query.stems:
            counts = {}  # document -> {field: count} of the stems this query stem matches
            for page_stem in index.stems_matching(query, query_stem):
                for pk, fields in index.postings[page_stem].items():
                    if pk not in counts:
                        counts[pk] = fields  # the index's own: copied before it is added to
                        continue
                    merged = counts[pk] = dict(counts[pk])
                    for field, count in fields.items():
                        merged[field] = merged.get(field, 0) + count
            if not counts:
                continue
            rarity = math.log(1 + index.size / len(counts))
            for pk, fields in counts.items():
                ranks[pk] += rarity * sum(
                    WEIGHTS[field] * (1 + math.log(count))
                    for field, count in fields.items()
                    if count
                )
                matched[pk] += 1
        similar = _Similarity(query, index)
        scored = []
        for pk in ranks.keys() | similar.by_page.keys():
            # The share of the query's words the page has (as on PostgreSQL).
            rank = ranks.get(pk, 0.0) * matched[pk] / len(query.stems)
            similarity = similar.to_title(pk)
            if rank > 0 or similarity >= SIMILAR_WORD:
                scored.append((pk, index.titles[pk], rank + similarity))
    return _best_first(scored)


class _Similarity:
    """How close a query's words come to the title and name words of each page. A query
    word is compared with the words that share a trigram with it (the index's
    ``words_with_trigram``); only the closest (``closest_words``) count. `by_page` holds,
    for each page with a close word, the best likeness to each query word (0 when none)."""

    def __init__(self, query, index):
        self.query = query
        close = defaultdict(lambda: [0.0] * len(query.words))  # known word -> per query word
        for number, word in enumerate(query.words):
            mine = trigrams(word)
            shared = Counter()
            for trigram in mine:
                shared.update(index.words_with_trigram.get(trigram, ()))
            candidates = [
                known
                for known, in_common in shared.items()
                # Trigrams in common over trigrams in either (trigram_similarity).
                if in_common / (len(mine) + len(trigrams(known)) - in_common) >= SIMILAR_WORD
                and index.pages_with_word[known]
            ]
            for known, similarity in closest_words(word, candidates).items():
                close[known][number] = similarity
        self.by_page = {}
        for known, similarities in close.items():
            for pk in index.pages_with_word[known]:
                best = self.by_page.get(pk)
                if best is None:
                    self.by_page[pk] = list(similarities)
                else:
                    self.by_page[pk] = [max(pair) for pair in zip(best, similarities, strict=True)]

    def to_title(self, pk):
        best = self.by_page.get(pk)
        return sum(best) / len(self.query.words) if best else 0


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
    vocabulary = document.title_words.split()
    fuzzy = {
        known
        for word in query.words
        for known in vocabulary
        if trigram_similarity(word, known) >= SIMILAR_WORD
    }
    # A page's words repeat: each distinct one is stemmed and matched once.
    answers = lru_cache(maxsize=None)(partial(query.matches_word, fuzzy_words=frozenset(fuzzy)))
    blocks = [document.summary, *document.text.splitlines()]
    best, best_count = blocks[0], 0
    for block in blocks:
        count = sum(1 for word in reading.words(block) if answers(word))
        if count > best_count:
            best, best_count = block, count
    return _marked(best, query, answers)


def _marked(block, query, answers):
    # Pieces alternate: text between words, a word, text between words, ...
    pieces = re.split(r"(\w+)", block)
    word_positions = list(range(1, len(pieces), 2))
    fold = query.reading.fold
    hits = [i for i in word_positions if answers(fold(pieces[i]))]
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
