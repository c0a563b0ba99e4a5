"""Related stories under an article: shared tags first, then the section's latest."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles import reading
from articles.models import Article
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


def hours_ago(hours: int):
    return timezone.now() - timedelta(hours=hours)


def related(article: Article) -> list[str]:
    return [other.headline for other in reading.story(article).related]


def test_more_shared_tags_rank_first_then_newest():
    """A story sharing two tags beats newer ones sharing one; ties go to the newest."""
    news, culture = SectionFactory(slug="news"), SectionFactory(slug="culture")
    story = ArticleFactory(section=news, tags=["port", "storm", "ferries"])
    ArticleFactory(
        headline="Two tags, old",
        section=culture,
        tags=["port", "storm"],
        published_at=hours_ago(50),
    )
    ArticleFactory(
        headline="One tag, newer", section=culture, tags=["port"], published_at=hours_ago(2)
    )
    ArticleFactory(
        headline="One tag, older", section=culture, tags=["storm"], published_at=hours_ago(9)
    )
    ArticleFactory(headline="No tags", section=culture, published_at=hours_ago(1))
    assert related(story) == ["Two tags, old", "One tag, newer", "One tag, older"]


def test_the_section_fills_up_when_few_stories_share_a_tag():
    """With fewer than four tag matches, the section's newest stories follow, each once."""
    news = SectionFactory(slug="news")
    story = ArticleFactory(section=news, tags=["port"])
    ArticleFactory(headline="Tagged", section=news, tags=["port"], published_at=hours_ago(5))
    for hours in (2, 3, 4):
        ArticleFactory(headline=f"Section {hours}", section=news, published_at=hours_ago(hours))
    assert related(story) == ["Tagged", "Section 2", "Section 3", "Section 4"]


def test_only_published_others_are_related():
    """Drafts, scheduled stories and the article itself never appear."""
    news = SectionFactory(slug="news")
    story = ArticleFactory(section=news, tags=["port"])
    ArticleFactory(headline="Draft", section=news, tags=["port"], status=Article.Status.DRAFT)
    ArticleFactory(headline="Scheduled", section=news, tags=["port"], published_at=hours_ago(-2))
    ArticleFactory(headline="Live", section=news, tags=["port"])
    assert related(story) == ["Live"]


def test_an_untagged_article_gets_its_section_latest():
    news, culture = SectionFactory(slug="news"), SectionFactory(slug="culture")
    story = ArticleFactory(section=news)
    ArticleFactory(headline="Elsewhere", section=culture, published_at=hours_ago(1))
    ArticleFactory(headline="Same section", section=news, published_at=hours_ago(3))
    assert related(story) == ["Same section"]
