"""Search: documents from the page object, kept current by the change signal, safe snippets."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import search
from articles.models import Article, ArticleCallout, Callout, SearchDocument, TitleWord
from articles.search import Query, refresh_documents, stale_pages
from conditions.models import AlternativeName, Condition, Symptom
from tests.factories import add_records, make_article, make_condition, make_guide

pytestmark = pytest.mark.django_db


def found(text):
    return [result.url for result in search.search(text).object_list]


def test_the_document_holds_what_the_page_shows():
    guide = make_guide(make_condition("Sample condition zeta"))
    add_records(guide.condition, 1)
    AlternativeName.objects.create(condition=guide.condition, name="Sample lay name")
    callout = Callout.objects.create(label="Sample", title="Sample box", body="<p>Boxed</p>")
    ArticleCallout.objects.create(article=guide, callout=callout)
    refresh_documents([guide.pk])

    document = SearchDocument.objects.get(article=guide)
    symptom = guide.condition.symptom_links.get().symptom
    assert document.names.splitlines() == ["Sample condition zeta", "Sample lay name"]
    assert symptom.name in document.records.splitlines()
    assert "Sample box" in document.records.splitlines()
    assert "Also called: Sample lay name" in document.text
    assert "Boxed" in document.text
    assert document.built_from == Article.objects.get(pk=guide.pk).last_changed


def test_citation_numbers_stay_out_of_the_document():
    guide = make_guide()
    add_records(guide.condition, 1)  # a cause with evidence: a superscript [1]
    refresh_documents([guide.pk])
    assert "[" not in SearchDocument.objects.get(article=guide).text


def test_a_changed_record_reaches_the_index_through_the_signal(committed):
    guide = make_guide()
    add_records(guide.condition, 1)
    refresh_documents([guide.pk])
    symptom = guide.condition.symptom_links.get().symptom

    with committed():
        symptom.name = "Sample zebra symptom"
        symptom.save()

    # Written by the signal's receiver after commit: no search has run yet.
    document = SearchDocument.objects.get(article=guide)
    assert "Sample zebra symptom" in document.records
    assert not stale_pages().exists()
    assert found("zebra") == [guide.get_absolute_url()]


def test_a_new_other_name_makes_the_guide_findable_by_it(committed):
    guide = make_guide()
    refresh_documents([guide.pk])
    assert found("quokka") == []
    with committed():
        AlternativeName.objects.create(condition=guide.condition, name="Sample quokka")
    assert found("quokka") == [guide.get_absolute_url()]


def test_many_changed_pages_are_left_stale_and_written_by_the_next_search(committed, monkeypatch):
    guides = [make_guide() for _ in range(3)]
    symptom = Symptom.objects.create(name="Sample shared", slug="sample-shared")
    for guide in guides:
        guide.condition.symptom_links.create(symptom=symptom)
    refresh_documents([guide.pk for guide in guides])
    monkeypatch.setattr(search, "REFRESH_AT_ONCE", 2)

    with committed():
        symptom.name = "Sample walrus"
        symptom.save()

    # Three pages changed, more than the two written at once: all left stale.
    assert stale_pages().count() == 3
    assert "walrus" not in SearchDocument.objects.get(article=guides[0]).records
    assert len(found("walrus")) == 2  # the search wrote two first
    assert len(found("walrus")) == 3  # and the next one the third
    assert not stale_pages().exists()


def test_a_page_with_no_document_yet_is_written_when_someone_searches():
    guide = make_guide(make_condition("Sample okapi"))
    SearchDocument.objects.filter(article=guide).delete()
    assert found("okapi") == [guide.get_absolute_url()]


def test_only_published_pages_are_found(committed):
    with committed():
        draft = make_guide(make_condition("Sample narwhal draft"), published=False)
        scheduled = make_guide(
            make_condition("Sample narwhal scheduled"),
            published_at=timezone.now() + timedelta(days=1),
        )
    assert found("narwhal") == []
    # The scheduled time comes: no save, no signal; its document is already there.
    Article.objects.filter(pk=scheduled.pk).update(published_at=timezone.now())
    assert found("narwhal") == [scheduled.get_absolute_url()]
    assert draft.get_absolute_url() not in found("narwhal")


def test_typos_partial_words_and_other_names_find_the_page():
    guide = make_guide(make_condition("Sample Scoliosis"))
    AlternativeName.objects.create(condition=guide.condition, name="Sample charley horse")
    refresh_documents([guide.pk])
    url = guide.get_absolute_url()
    assert found("scolosis") == [url]  # typo, by trigrams against the title
    assert found("scoli") == [url]  # the start of a word
    assert found("charlie horse") == [url]  # a misspelt other name


def test_stop_words_alone_find_nothing():
    make_guide(make_condition("The sample condition"))
    assert not Query.parse("the and of")
    assert found("the and of") == []


def test_articles_are_found_and_labelled_as_articles():
    article = make_article(title="Sample article about ibexes")
    refresh_documents([article.pk])
    (result,) = search.search("ibex").object_list
    assert (result.url, str(result.kind)) == (article.get_absolute_url(), "Article")


HOSTILE = "<mark>x</mark><script>y & sample pangolin"


def test_snippets_escape_stored_text_and_mark_only_the_matching_words():
    condition = make_condition("Sample pangolin", summary=HOSTILE)
    body = "<p>&lt;img src=x onerror=alert(1)&gt; sample wombat</p>"
    guide = make_guide(condition, body=body)
    refresh_documents([guide.pk])

    (from_summary,) = search.search("pangolin").object_list
    (from_body,) = search.search("wombat").object_list

    assert str(from_summary.snippet) == (
        "&lt;mark&gt;x&lt;/mark&gt;&lt;script&gt;y &amp; sample <mark>pangolin</mark>"
    )
    assert str(from_body.snippet) == (
        "&lt;img src=x onerror=alert(1)&gt; sample <mark>wombat</mark>"
    )


def test_a_page_that_cannot_be_indexed_leaves_the_search_working(monkeypatch, caplog):
    guide = make_guide(make_condition("Sample caracal"))
    SearchDocument.objects.filter(article=guide).delete()

    def broken(page):
        raise RuntimeError("Sample failure while building a search document.")

    monkeypatch.setattr(search, "document_fields", broken)
    assert found("caracal") == []  # no document yet, and no error for the patient
    assert "Search documents not refreshed" in caplog.text
    monkeypatch.undo()
    assert found("caracal") == [guide.get_absolute_url()]  # tried again, and written


# --------------------------------------------------------------------------- pages of results


def titles(results):
    return [result.title for result in results.object_list]


def test_every_result_comes_once_across_the_pages():
    guides = [make_guide(make_condition(f"Sample ocelot {number}")) for number in range(13)]
    refresh_documents([guide.pk for guide in guides])

    first = search.search("ocelot")
    second = search.search("ocelot", page_number=2)

    assert first.paginator.count == 13
    # They rank alike, so they come in the order of their titles, each once.
    assert titles(first) + titles(second) == sorted(guide.title for guide in guides)
    assert len(titles(second)) == 3
    # A page past the last shows the last, one that is not a number the first.
    assert titles(search.search("ocelot", page_number=99)) == titles(second)
    assert titles(search.search("ocelot", page_number="99999999999999999999")) == titles(second)
    assert titles(search.search("ocelot", page_number="x")) == titles(first)


def test_pages_alike_in_rank_and_title_still_come_once_each():
    """PostgreSQL reads each page of results with its own LIMIT and OFFSET: without a last
    tie-break (the id), pages that tie may come in another order each time, and a result
    shows twice or never (SQLite sorts all at once, so it holds there anyway)."""
    twins = [
        make_guide(make_condition(f"Sample tapir {number}"), title="Sample tapir")
        for number in range(45)
    ]
    refresh_documents([guide.pk for guide in twins])

    def urls(page_number):
        return [
            result.url for result in search.search("tapir", page_number=page_number).object_list
        ]

    shown = [url for page_number in range(1, 6) for url in urls(page_number)]
    assert sorted(shown) == sorted(guide.get_absolute_url() for guide in twins)


def test_a_query_counts_its_first_ten_words():
    words = [f"sample{number}" for number in range(15)]
    assert Query.parse(" ".join(words)).words == tuple(words[:10])


def test_a_later_page_of_results_costs_no_more_queries_than_the_first():
    guides = [make_guide(make_condition(f"Sample margay {number}")) for number in range(25)]
    refresh_documents([guide.pk for guide in guides])
    search.search("margay")  # a worker on SQLite reads the new documents into its index

    def queries(page_number):
        with CaptureQueriesContext(connection) as captured:
            assert len(search.search("margay", page_number=page_number).object_list) > 0
        return len(captured)

    assert queries(3) == queries(2) == queries(1)


def test_a_word_on_every_page_still_finds_its_closest_titles_first():
    """A word every page has ranks them all; a page titled with it comes before one that
    only mentions it, and a typo of it finds the titles close to it."""
    mentions = [
        make_article(title=f"Sample note {n}", summary="About the caracal.") for n in range(3)
    ]
    titled = make_guide(make_condition("Sample caracal"))
    refresh_documents([page.pk for page in [*mentions, titled]])

    assert titles(search.search("caracal"))[0] == "Sample caracal"
    assert titles(search.search("caracla")) == ["Sample caracal"]  # by its title alone


# --------------------------------------------------------------------------- title words


def test_misspellings_are_matched_against_the_title_words_of_current_documents():
    guide = make_guide(make_condition("Sample Scoliosis"))
    refresh_documents([guide.pk])
    assert TitleWord.objects.filter(language="en", word="scoliosis").exists()

    Condition.objects.filter(pk=guide.condition_id).update(name="Sample Kyphosis")
    Article.objects.filter(pk=guide.pk).update(title="Sample Kyphosis")
    refresh_documents([guide.pk])

    assert found("kyphsis") == [guide.get_absolute_url()]
    assert found("scolosis") == []  # the old title's word is still known, and finds nothing

    output = StringIO()
    call_command("refresh_search_index", stdout=output)
    assert "1 title words no page has any more dropped." in output.getvalue()
    assert not TitleWord.objects.filter(word="scoliosis").exists()
    assert TitleWord.objects.filter(word="kyphosis").exists()


def test_refresh_search_index_writes_stale_pages_and_counts_on_a_dry_run():
    guides = [make_guide() for _ in range(2)]
    SearchDocument.objects.filter(article__in=guides).delete()

    output = StringIO()
    call_command("refresh_search_index", "--dry-run", stdout=output)
    assert "The search documents of 2 pages would be written." in output.getvalue()
    assert stale_pages().count() == 2

    call_command("refresh_search_index", stdout=StringIO())
    assert not stale_pages().exists()
