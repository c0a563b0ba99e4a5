import pytest
from django.core.exceptions import ValidationError

from sections.models import Section, SectionTree
from tests.factories import SectionFactory

pytestmark = pytest.mark.django_db


def test_path_follows_the_tree():
    """A subsection's address is built from its parents' slugs."""
    news = SectionFactory(slug="news", name="News")
    palestine = SectionFactory(slug="palestine", name="Palestine", parent=news)
    assert palestine.path == "news/palestine"
    assert palestine.get_absolute_url() == "/news/palestine/"
    assert palestine.root_id == news.pk


def test_renaming_a_parent_moves_the_whole_subtree():
    """Changing a slug high in the tree updates every address below it."""
    news = SectionFactory(slug="news")
    region = SectionFactory(slug="region", parent=news)
    city = SectionFactory(slug="city", parent=region)
    news.slug = "world-news"
    news.save()
    city.refresh_from_db()
    assert city.path == "world-news/region/city"


def test_moving_a_section_under_another_top_section_updates_root():
    """A section moved to a new top-level parent is listed under that parent's front-page block."""
    news, business = SectionFactory(slug="news"), SectionFactory(slug="business")
    markets = SectionFactory(slug="markets", parent=news)
    stocks = SectionFactory(slug="stocks", parent=markets)
    markets.parent = business
    markets.save()
    stocks.refresh_from_db()
    assert (stocks.path, stocks.root_id) == ("business/markets/stocks", business.pk)


def test_section_tree_answers_from_one_query(django_assert_num_queries):
    """The whole tree is read in one query; lookups, breadcrumbs, subsections and menu need no more."""
    a = SectionFactory(slug="a", name="A", position=2)
    b = SectionFactory(slug="b", name="B", parent=a, position=5)
    c = SectionFactory(slug="c", name="C", parent=b)
    SectionFactory(slug="z", name="Z", parent=a, position=0)
    SectionFactory(slug="first", name="First", position=1)
    SectionFactory(slug="hidden", name="Hidden", show_in_navigation=False)
    with django_assert_num_queries(1):
        tree = SectionTree.load()
    with django_assert_num_queries(0):
        assert tree.get("a/b/c") == c and tree.get("a/nope") is None
        assert [s.name for s in tree.ancestors_and_self(c)] == ["A", "B", "C"]
        assert [s.name for s in tree.children(a)] == ["Z", "B"]
        assert [s.name for s in tree.navigation()] == ["First", "A"]


def test_sections_listed_in_path_order_keep_children_under_their_parent():
    """ "news-extra" must not slip between "news" and "news/uk" in the search form's list."""
    news = SectionFactory(slug="news", name="News")
    SectionFactory(slug="news-extra", name="News extra")
    SectionFactory(slug="uk", name="UK", parent=news)
    assert [s.path for s in SectionTree.load().in_path_order()] == [
        "news",
        "news/uk",
        "news-extra",
    ]


def test_a_section_cannot_be_its_own_ancestor():
    """Editors get a form error instead of a loop in the tree."""
    a = SectionFactory(slug="a")
    b = SectionFactory(slug="b", parent=a)
    a.parent = b
    with pytest.raises(ValidationError) as error:
        a.full_clean()
    assert "parent" in error.value.message_dict


@pytest.mark.parametrize(
    "slug", ["admin", "tags", "authors", "media", "static", "search", "corrections", "preview"]
)
def test_top_level_sections_cannot_take_the_sites_own_addresses(slug):
    """A top-level section named 'admin' would hide the admin; it is refused."""
    with pytest.raises(ValidationError) as error:
        Section(name="X", slug=slug).full_clean()
    assert "slug" in error.value.message_dict


def test_an_address_added_to_the_site_is_taken_from_sections_at_once(settings):
    """The taken addresses are read from the URLconf: nobody keeps a second list in step."""
    settings.ROOT_URLCONF = "tests.sections.urls_with_live"
    with pytest.raises(ValidationError):
        Section(name="Live", slug="live").full_clean()


def test_numeric_slugs_are_refused():
    """Digits-only slugs would be confused with the dates in article addresses."""
    with pytest.raises(ValidationError):
        Section(name="2026", slug="2026").full_clean()


def test_sibling_slugs_must_be_unique():
    """Two subsections of News cannot share a slug; validation says so."""
    news = SectionFactory(slug="news")
    SectionFactory(slug="gaza", parent=news)
    with pytest.raises(ValidationError):
        Section(name="Gaza 2", slug="gaza", parent=news).full_clean()
