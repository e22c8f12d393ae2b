from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article, make_guide

pytestmark = pytest.mark.django_db


def test_published_excludes_drafts():
    live = make_article()
    make_article(published=False)
    assert list(Article.objects.published()) == [live]


def test_published_excludes_a_publish_time_still_to_come():
    make_article(published_at=timezone.now() + timedelta(hours=1))
    assert not Article.objects.published().exists()


def test_guides_and_stories_split_pages_by_condition():
    guide = make_guide()
    story = make_article()
    assert list(Article.objects.guides()) == [guide]
    assert list(Article.objects.stories()) == [story]


def test_editors_see_drafts_and_receptionists_and_the_public_do_not(demo):
    from django.contrib.auth.models import AnonymousUser, User

    draft = make_article(published=False)
    assert draft in Article.objects.visible_to(User.objects.get(username="practitioner"))
    assert draft not in Article.objects.visible_to(User.objects.get(username="receptionist"))
    assert draft not in Article.objects.visible_to(AnonymousUser())
