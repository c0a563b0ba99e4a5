"""What search engines and share previews read about a page: Open Graph values and JSON-LD."""

from django.templatetags.static import static
from django.urls import reverse

from sections.models import Section
from siteinfo.models import SiteSettings

from .models import Article
from .reading import Story


def absolute(base_url: str, url: str) -> str:
    """Media on object storage is already absolute; everything else gets the canonical base."""
    return url if url.startswith(("http://", "https://")) else f"{base_url}{url}"


def share_card(article: Article, base_url: str) -> dict:
    """Open Graph and Twitter card values for an article."""
    card = {
        "url": absolute(base_url, article.get_absolute_url()),
        "title": article.headline,
        "description": article.summary,
        "image": None,
    }
    if article.lead_photo:
        og = article.lead_photo.share_image
        card |= {
            "image": absolute(base_url, article.lead_photo.url("og")),
            "image_width": og.width,
            "image_height": og.height,
            "image_alt": article.lead_alt,
        }
    return card


def publisher(site: SiteSettings, base_url: str) -> dict:
    return {
        "@type": "NewsMediaOrganization",
        "name": site.name,
        "url": f"{base_url}/",
        "logo": {
            "@type": "ImageObject",
            "url": absolute(base_url, static("img/logo.png")),
            "width": 600,
            "height": 60,
        },
    }


def news_article(story: Story, site: SiteSettings, base_url: str) -> dict:
    article = story.article
    url = absolute(base_url, article.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline,
        "description": article.summary,
        "inLanguage": article.language,
        "datePublished": article.published_at.isoformat(),
        "dateModified": article.modified_at.isoformat(),
        "articleSection": article.section.name,
        "keywords": [tag.name for tag in story.tags],
        "author": [
            {"@type": "Person", "name": a.name, "url": absolute(base_url, a.get_absolute_url())}
            for a in story.authors
        ],
        "publisher": publisher(site, base_url),
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
    }
    if article.lead_photo:
        data["image"] = [
            absolute(base_url, article.lead_photo.url("og")),
            absolute(base_url, article.lead_photo.url("lead")),
        ]
    return data


def breadcrumb_list(sections: list[Section], base_url: str) -> dict:
    """The visible breadcrumb (Home, then each section down to the page's) as BreadcrumbList."""
    crumbs = [("Home", f"{base_url}/")]
    crumbs += [
        (section.name, absolute(base_url, section.get_absolute_url())) for section in sections
    ]
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def website(site: SiteSettings, base_url: str) -> dict:
    search = f"{base_url}{reverse('articles:search')}?q={{search_term_string}}"
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": site.name,
        "url": f"{base_url}/",
        "publisher": publisher(site, base_url),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": search},
            "query-input": "required name=search_term_string",
        },
    }
