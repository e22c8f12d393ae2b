"""The reference list's own words and dates follow the page's language; what the source
says (authors, title, journal, website) stays as published."""

from datetime import date

import pytest
from django.utils import translation

from references.formatting import ama_authors, ama_date
from references.models import Citation
from tests.factories import make_citation

pytestmark = pytest.mark.django_db

NICE = dict(
    kind=Citation.Kind.GUIDELINE,
    authors=["National Institute for Health and Care Excellence"],
    authors_incomplete=False,
    title="Low back pain and sciatica in over 16s: assessment and management",
    container_title="NICE guideline NG59",
    year=2016,
    month=11,
    day=30,
    doi="",
    url="https://www.nice.org.uk/guidance/ng59",
    accessed=date(2026, 3, 3),
)


def ama(language, **fields):
    citation = make_citation(**fields)
    with translation.override(language):
        return str(citation.as_ama())


def test_a_guideline_in_spanish_says_published_on_and_consulted_on_in_spanish_dates():
    html = ama("es", **NICE)

    assert html.startswith(
        "National Institute for Health and Care Excellence. Low back pain and sciatica in "
        "over 16s: assessment and management. NICE guideline NG59. "
        "Publicado el 30 de noviembre de 2016. Consultado el 3 de marzo de 2026. <a href="
    )


def test_the_same_guideline_in_english_is_unchanged():
    assert (
        "NICE guideline NG59. Published November 30, 2016. Accessed March 3, 2026. <a href="
        in ama("en", **NICE)
    )


@pytest.mark.parametrize(
    ("month", "day", "spanish", "english"),
    [
        (11, None, "Publicado en noviembre de 2016.", "Published November 2016."),
        (None, None, "Publicado en 2016.", "Published 2016."),
        (2, 30, "Publicado en febrero de 2016.", "Published February 2016."),  # no such day
    ],
)
def test_a_month_or_year_alone_is_published_in_not_on(month, day, spanish, english):
    fields = NICE | {"month": month, "day": day}
    assert spanish in ama("es", **fields)
    assert english in ama("en", **fields)


def test_et_al_stays_et_al_in_spanish_as_ama_style_has_it():
    with translation.override("es"):
        assert ama_authors(["A A", "B B", "C C", "D D", "E E", "F F", "G G"]) == (
            "A A, B B, C C, et al"
        )
    html = ama("es", authors=["Garrison SR"], authors_incomplete=True, title="Magnesium")
    assert html.startswith("Garrison SR, et al. Magnesium.")


def test_a_chapters_book_is_introduced_with_en():
    chapter = dict(
        kind=Citation.Kind.BOOK_CHAPTER,
        authors=["Sample AB"],
        title="Sample chapter",
        container_title="Sample Book",
        publisher="Sample Press",
        year=2019,
        doi="",
    )
    assert "Sample chapter. En: <cite>Sample Book</cite>. Sample Press; 2019." in ama(
        "es", **chapter
    )
    assert "Sample chapter. In: <cite>Sample Book</cite>. Sample Press; 2019." in ama(
        "en", **chapter
    )


def test_dates_use_djangos_month_names_for_the_active_language():
    with translation.override("es"):
        assert ama_date(2024, 3, 3) == "3 de marzo de 2024"
        assert ama_date(2024, 3) == "marzo de 2024"
    assert ama_date(2024, 3, 3) == "March 3, 2024"
    assert ama_date(2024) == "2024"
