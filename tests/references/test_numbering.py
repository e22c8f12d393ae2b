import pytest

from references.numbering import CitationNumbering, marker_ids
from tests.factories import make_citation

pytestmark = pytest.mark.django_db


@pytest.fixture
def sources():
    return [make_citation(title=f"Sample source {letter}") for letter in "ABC"]


def test_markers_are_numbered_in_order_of_first_use(sources):
    a, b, c = sources
    numbering = CitationNumbering([a, b, c])
    html = str(numbering.cite(f"<p>One [cite:{c.pk}]. Two [cite:{a.pk}].</p>"))
    assert '<a href="#ref-1" id="cite-1-1">1</a>' in html
    assert '<a href="#ref-2" id="cite-2-1">2</a>' in html
    assert [ref.citation for ref in numbering.references()] == [c, a, b]


def test_a_source_cited_twice_keeps_its_number_and_gets_two_back_links(sources):
    a, b, _c = sources
    numbering = CitationNumbering([a, b])
    numbering.cite(f"<p>First [cite:{b.pk}].</p>")
    html = str(numbering.cite(f"<p>Again [cite:{b.pk}].</p>"))
    assert '<a href="#ref-1" id="cite-1-2">1</a>' in html
    assert numbering.references()[0].uses == ["cite-1-1", "cite-1-2"]


def test_several_sources_in_one_marker(sources):
    a, b, _c = sources
    html = str(CitationNumbering([a, b]).cite(f"<p>Both [cite:{a.pk}, {b.pk}].</p>"))
    assert '<sup class="cite">[<a href="#ref-1" id="cite-1-1">1</a>,' in html
    assert '<a href="#ref-2" id="cite-2-1">2</a>]</sup>' in html


def test_unknown_marker_is_not_rendered_and_is_recorded(sources):
    numbering = CitationNumbering(sources)
    html = str(numbering.cite("<p>Claim [cite:999999].</p>"))
    assert html == "<p>Claim .</p>"
    assert numbering.unknown_ids == [999999]


def test_uncited_sources_follow_the_cited_ones_in_page_order(sources):
    a, b, c = sources
    numbering = CitationNumbering([a, b, c])
    numbering.cite(f"[cite:{b.pk}]")
    assert [(ref.number, ref.citation) for ref in numbering.references()] == [
        (1, b),
        (2, a),
        (3, c),
    ]


def test_marker_ids_reads_every_marker_in_order():
    assert marker_ids("<p>[cite:3] x [cite: 1,2] [cite:3]</p>") == [3, 1, 2, 3]
    assert marker_ids("<p>[cite:] [cite:x] cite:4</p>") == []
