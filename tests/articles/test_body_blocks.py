"""The body's blocks as readers get them: photos by reference through the rendition path, link
cards with the other story's current headline, embeds as plain links (issue #14)."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, InlinePhoto, StoryLink
from tests.factories import ArticleFactory, PhotoFactory

pytestmark = pytest.mark.django_db


def page(client, article) -> str:
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def body_of(html: str) -> str:
    return re.search(
        r'<div class="article__body">(.*?)</div>\s*(<section|<footer|</article)', html, re.S
    )[1]


def test_an_inline_photo_is_drawn_from_its_renditions_with_this_use_s_texts(client):
    photo = PhotoFactory(caption="Library caption", credit="Agency", alt_text="Library alt")
    article = ArticleFactory(
        body=f'<p>Before.</p><figure data-photo="{photo.pk}" data-caption="This story&#39;s caption"'
        f' data-alt="Boats at dawn, seen from the pier"></figure><p>After.</p>'
    )
    body = body_of(page(client, article))
    assert '<figure class="figure figure--inline"><picture>' in body
    assert 'alt="Boats at dawn, seen from the pier"' in body
    assert "This story&#x27;s caption" in body or "This story&#39;s caption" in body
    assert '<span class="figure__credit">Agency</span>' in body  # the photo's own credit
    assert 'loading="lazy"' in body
    # Never the original: every image address is a rendition.
    for address in re.findall(r'(?:src|srcset)="([^"]+)"', body):
        assert "/renditions/" in address and "/photos/" not in address


def test_a_photo_s_new_credit_shows_in_every_story_that_uses_it(client):
    photo = PhotoFactory(credit="Old Agency")
    stories = [ArticleFactory(body=f'<figure data-photo="{photo.pk}"></figure>') for _ in range(2)]
    for story in stories:
        assert "Old Agency" in page(client, story)
    photo.credit = "New Agency"
    photo.save()
    for story in stories:
        html = page(client, story)
        assert "New Agency" in html and "Old Agency" not in html


def test_the_body_keeps_references_not_copies_and_follows_edits():
    one, two = PhotoFactory(), PhotoFactory()
    other = ArticleFactory()
    article = ArticleFactory(
        body=f'<figure data-photo="{one.pk}"></figure><figure data-photo="{two.pk}"></figure>'
        f'<aside data-story="{other.pk}">Old headline</aside><figure data-photo="99999"></figure>'
    )
    assert set(InlinePhoto.objects.filter(article=article).values_list("photo", flat=True)) == {
        one.pk,
        two.pk,
    }  # an id that points nowhere is left out
    assert list(StoryLink.objects.filter(article=article).values_list("story", flat=True)) == [
        other.pk
    ]
    article.body = f'<figure data-photo="{two.pk}"></figure>'
    article.save()
    assert list(InlinePhoto.objects.filter(article=article).values_list("photo", flat=True)) == [
        two.pk
    ]
    assert not StoryLink.objects.filter(article=article).exists()


def test_a_link_card_shows_the_other_story_s_current_headline(client):
    other = ArticleFactory(headline="Court hears the case")
    article = ArticleFactory(body=f'<aside data-story="{other.pk}">Typed long ago</aside>')
    body = body_of(page(client, article))
    assert f'href="{other.get_absolute_url()}">Court hears the case</a>' in body
    assert "Typed long ago" not in body
    other.headline = "Court rules for the families"
    other.save()
    assert "Court rules for the families" in body_of(page(client, article))


def test_a_card_to_a_story_readers_cannot_see_leaves_nothing(client):
    other = ArticleFactory(headline="Still a draft", status=Article.Status.DRAFT)
    gone = ArticleFactory(headline="Expired one", expires_at=timezone.now() - timedelta(minutes=1))
    article = ArticleFactory(
        body=f'<p>x</p><aside data-story="{other.pk}">Still a draft</aside>'
        f'<aside data-story="{gone.pk}">Expired one</aside>'
    )
    body = body_of(page(client, article))
    assert "Still a draft" not in body and "Expired one" not in body and "story-card" not in body


def test_a_taken_down_photo_leaves_nothing(client):
    photo = PhotoFactory(caption="Shows a source's face")
    article = ArticleFactory(body=f'<p>x</p><figure data-photo="{photo.pk}"></figure>')
    assert "source" in page(client, article)  # kept in the page cache
    photo.delete()
    body = body_of(page(client, article))
    assert "<figure" not in body and "source" not in body


def test_an_embed_is_a_plain_link_that_loads_nothing_from_its_host(client):
    article = ArticleFactory(
        body='<aside data-embed="https://www.video.example/watch?v=1&amp;t=2">The speech</aside>'
    )
    html = page(client, article)
    body = body_of(html)
    assert (
        '<a class="embed-card__link" href="https://www.video.example/watch?v=1&amp;t=2" '
        'rel="nofollow noopener noreferrer">The speech</a>'
    ) in body
    assert "video.example" not in re.sub(r'href="[^"]*"', "", body).replace(
        '<span class="embed-card__host">video.example</span>', ""
    )
    assert "<iframe" not in html and '<script src="https://' not in html


def test_blocks_for_readers(client):
    article = ArticleFactory(
        body='<figure class="pull-quote"><blockquote><p>We were told nothing.</p></blockquote>'
        "<figcaption>A teacher in Rafah</figcaption></figure>"
        '<aside class="fact-box"><h2>What we know</h2><ul><li>Three dead</li></ul></aside><hr>'
        "<table><tbody><tr><th><p>Year</p></th></tr><tr><td><p>2026</p></td></tr></tbody></table>"
    )
    body = body_of(page(client, article))
    assert '<figure class="pull-quote"><blockquote><p>We were told nothing.</p>' in body
    assert '<aside class="fact-box"><h2>What we know</h2>' in body
    assert "<hr>" in body
    assert '<div class="table-scroll" role="region" aria-label="Table" tabindex="0"><table>' in body


@pytest.mark.parametrize("photos", [1, 20])
def test_the_article_page_s_query_count_does_not_grow_with_its_blocks(
    client, django_assert_num_queries, settings, photos
):
    settings.PAGE_CACHE_SECONDS = 0
    library = [PhotoFactory() for _ in range(photos)]
    others = [ArticleFactory() for _ in range(photos)]
    article = ArticleFactory(
        body="".join(f'<figure data-photo="{p.pk}"></figure>' for p in library)
        + "".join(f'<aside data-story="{o.pk}">x</aside>' for o in others)
    )
    client.get(article.get_absolute_url())  # the generation's own reads
    # The story's six reads, its photos, its cards.
    with django_assert_num_queries(8):
        html = page(client, article)
    assert html.count("figure--inline") == photos and html.count("story-card__link") == photos
