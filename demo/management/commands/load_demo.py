import re
from datetime import datetime, timedelta
from itertools import batched

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandParser
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from articles.models import Article, Author, InlinePhoto
from articles.search import update_vectors
from demo import content as demo_content
from demo import synthetic
from demo.images import scene_jpeg
from demo.live_content import LIVE_STORIES
from live.models import Entry, LiveCoverage
from media.models import Photo
from newsroom.html import html_to_text, sanitize_html
from notes import crypto
from notes.models import DeskNote, SourceNote
from sections.models import Section
from siteinfo.models import SiteLink, SiteSettings

SYNTHETIC_PHOTO_CREDIT = "Newsroom synthetic photo"
# Synthetic articles share a pool of photos: one per ten articles, at most this many.
SYNTHETIC_PHOTO_POOL = 24
BATCH_SIZE = 2000


class Command(BaseCommand):
    help = (
        "Load the demo site: sections, authors, a dozen articles with photos and the site's "
        "footer. Safe to run again. --articles N also ensures N synthetic articles exist."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--articles", type=int, default=0, help="Ensure this many synthetic articles exist."
        )

    def handle(self, *args, articles: int, **options) -> None:
        with transaction.atomic():
            self.load_site()
            sections = self.load_sections()
            authors = self.load_authors()
            created = self.load_articles(sections, authors)
            self.load_editions(sections)
            created += self.load_translations(authors)
            self.load_notes()
            created += self.load_live(sections, authors)
        self.stdout.write(f"Demo content ready: {created} new articles.")
        if articles > 0:
            added = self.load_synthetic(articles, list(sections.values()), list(authors.values()))
            self.stdout.write(f"Synthetic articles: {added} added, {articles} in all.")

    def load_site(self) -> None:
        site = SiteSettings.load()
        if not site.links.exists():
            for field in ("name", "tagline", "alternate_addresses_intro"):
                setattr(site, field, demo_content.SITE[field])
            site.save()
            SiteLink.objects.bulk_create(
                SiteLink(settings=site, kind=kind, label=label, url=url, position=position)
                for position, (kind, label, url) in enumerate(demo_content.SITE["links"])
            )

    def load_sections(self) -> dict[str, Section]:
        sections: dict[str, Section] = {}
        for position, (slug, name, parent_slug, description) in enumerate(demo_content.SECTIONS):
            parent = sections.get(parent_slug) if parent_slug else None
            sections[slug], _ = Section.objects.get_or_create(
                slug=slug,
                parent=parent,
                defaults={"name": name, "description": description, "position": position},
            )
        return sections

    def load_authors(self) -> dict[str, Author]:
        return {
            slug: Author.objects.get_or_create(slug=slug, defaults={"name": name, "bio": bio})[0]
            for name, slug, bio in demo_content.AUTHORS
        }

    def load_articles(self, sections: dict[str, Section], authors: dict[str, Author]) -> int:
        now = timezone.now()
        created = 0
        for seed, data in enumerate(demo_content.ARTICLES):
            if Article.objects.filter(slug=data["slug"]).exists():
                continue
            published_at = now - timedelta(hours=data["hours_ago"])
            self.story(data, seed, published_at, sections, authors, data["editors_choice"])
            created += 1
        for seed, data in enumerate(demo_content.ARTICLES):
            self.fill_in_references(data, seed)
        return created

    @staticmethod
    def story(
        data: dict,
        seed: int,
        published_at: datetime,
        sections: dict[str, Section],
        authors: dict[str, Author],
        editors_choice: bool = False,
    ) -> Article:
        """A published story of the demo's content, with its own generated lead photo."""
        caption, credit, alt_text = data["photo"]
        photo = Photo(caption=caption, credit=credit, alt_text=alt_text)
        photo.image.save("demo.jpg", ContentFile(scene_jpeg(seed), name="demo.jpg"), save=True)
        article = Article.objects.create(
            slug=data["slug"],
            headline=data["headline"],
            summary=data["summary"],
            body=data["body"].strip(),
            section=sections[data["section"]],
            lead_photo=photo,
            status=Article.Status.PUBLISHED,
            published_at=published_at,
            editors_choice=editors_choice,
        )
        article.authors.set(authors[slug] for slug in data["authors"])
        article.tags.set(data["tags"])
        return article

    def load_notes(self) -> None:
        """A desk thread on one story; a source note too, when this server has a key."""
        for slug, text, quote, blocking, resolved in demo_content.DESK_NOTES:
            article = Article.objects.get(slug=slug)
            if DeskNote.objects.filter(article=article, text=text).exists():
                continue
            DeskNote.objects.create(
                article=article,
                text=text,
                quote=quote,
                blocking=blocking,
                resolved_at=article.published_at if resolved else None,
            )
        slug, text = demo_content.SOURCE_NOTE
        article = Article.objects.get(slug=slug)
        if crypto.available() and not SourceNote.objects.filter(article=article).exists():
            SourceNote.objects.create(article=article, ciphertext=crypto.encrypt(text))

    def load_live(self, sections: dict[str, Section], authors: dict[str, Author]) -> int:
        """The live stories (demo.live_content): one running, one ended, with their entries."""
        now = timezone.now()
        created = 0
        for seed, data in enumerate(LIVE_STORIES, start=50):
            if Article.objects.filter(slug=data["slug"]).exists():
                continue
            started = now - timedelta(hours=data["hours_ago"])
            article = self.story(data, seed, started, sections, authors)
            entries = data["entries"]
            coverage = LiveCoverage.objects.create(
                article=article,
                started_at=started,
                ended_at=started + timedelta(minutes=entries[-1][0] + 5) if data["ended"] else None,
            )
            for minutes, title, body, author, pin in entries:
                entry = Entry.objects.create(
                    coverage=coverage,
                    title=title,
                    body=body,
                    pinned=pin,
                    status=Entry.Status.PUBLISHED,
                    published_at=started + timedelta(minutes=minutes),
                )
                entry.authors.set([authors[author]])
            # Posted then, not edited since: no "Updated" time for readers.
            Entry.objects.filter(coverage=coverage).update(updated_at=F("published_at"))
            created += 1
        return created

    def fill_in_references(self, data: dict, seed: int) -> None:
        """Put the ids of the photos and stories a demo body shows where it names them."""
        article = Article.objects.get(slug=data["slug"])
        if "[[" not in article.body:
            return
        body = article.body
        for number, (name, (caption, credit, alt_text)) in enumerate(
            data.get("extra_photos", {}).items()
        ):
            photo = Photo(caption=caption, credit=credit, alt_text=alt_text)
            image = ContentFile(scene_jpeg(100 + seed * 10 + number), name="demo.jpg")
            photo.image.save("demo.jpg", image, save=True)
            body = body.replace(f"[[photo:{name}]]", str(photo.pk))
        for slug in re.findall(r"\[\[story:([^\]]+)\]\]", body):
            other = Article.objects.get(slug=slug)
            body = body.replace(f"[[story:{slug}]]", str(other.pk))
        article.body = body
        article.save()

    def load_editions(self, sections: dict[str, Section]) -> None:
        """The site's texts and the section names in each other edition's language, where the
        desk has not written its own."""
        site = SiteSettings.load()
        links = list(site.links.order_by("position"))
        for code, texts in demo_content.SITE_TRANSLATIONS.items():
            for field in ("name", "tagline", "alternate_addresses_intro"):
                # Each language's column starts as the field's default (django-modeltranslation).
                untouched = ("", SiteSettings._meta.get_field(field).default)
                if getattr(site, f"{field}_{code}") in untouched:
                    setattr(site, f"{field}_{code}", texts[field])
            for link, label in zip(links, texts["links"], strict=False):
                if not getattr(link, f"label_{code}"):
                    setattr(link, f"label_{code}", label)
        site.save()
        SiteLink.objects.bulk_update(
            links, [f"label_{code}" for code in demo_content.SITE_TRANSLATIONS]
        )
        for slug, names in demo_content.SECTION_TRANSLATIONS.items():
            section = sections[slug]
            for code, (name, description) in names.items():
                if not getattr(section, f"name_{code}"):
                    setattr(section, f"name_{code}", name)
                    setattr(section, f"description_{code}", description)
            section.save()

    def load_translations(self, authors: dict[str, Author]) -> int:
        """The demo stories told in Arabic and French, linked to the English ones."""
        created = 0
        for data in demo_content.TRANSLATIONS:
            if Article.objects.filter(slug=data["slug"]).exists():
                continue
            original = Article.objects.get(slug=data["translation_of"])
            names = demo_content.ARTICLE_PHOTO_NAMES.get(original.slug, [])
            photo_ids = list(
                InlinePhoto.objects.filter(article=original)
                .order_by("pk")
                .values_list("photo_id", flat=True)
            )
            body = data["body"].strip()
            for name, photo_id in zip(names, photo_ids, strict=False):
                body = body.replace(f"[[photo:{name}]]", str(photo_id))
            article = Article.objects.create(
                slug=data["slug"],
                headline=data["headline"],
                summary=data["summary"],
                body=body,
                section=original.section,
                lead_photo=original.lead_photo,
                lead_photo_caption=data["caption"],
                lead_photo_alt=data["alt"],
                language=data["language"],
                translation_group=original.translation_group,
                status=Article.Status.PUBLISHED,
                # Translated within the hour, never ahead of now.
                published_at=min(original.published_at + timedelta(minutes=40), timezone.now()),
                editors_choice=original.editors_choice,
            )
            article.authors.set(authors[slug] for slug in data["authors"])
            article.tags.set(data["tags"])
            created += 1
        return created

    def synthetic_photos(self, count: int) -> list[Photo]:
        photos = list(Photo.objects.filter(credit=SYNTHETIC_PHOTO_CREDIT))
        for seed in range(len(photos), min(SYNTHETIC_PHOTO_POOL, -(-count // 10))):
            photo = Photo(
                caption=f"A city skyline at the end of the day, scene {seed + 1}.",
                credit=SYNTHETIC_PHOTO_CREDIT,
                alt_text="Apartment blocks against the evening sky.",
            )
            photo.image.save(
                "synthetic.jpg",
                ContentFile(scene_jpeg(1000 + seed), name="synthetic.jpg"),
                save=True,
            )
            photos.append(photo)
        return photos

    def load_synthetic(self, count: int, sections: list[Section], authors: list[Author]) -> int:
        """Bulk-insert the synthetic articles that do not exist yet."""
        photos = self.synthetic_photos(count)
        tags = {name: Tag.objects.get_or_create(name=name)[0] for name in synthetic.TAGS}
        content_type = ContentType.objects.get_for_model(Article)
        author_link = Article.authors.through
        now = timezone.now()
        added = 0
        for batch in batched(synthetic.generate_range(count, now), BATCH_SIZE):
            existing = set(
                Article.objects.filter(slug__in=[item.slug for item in batch]).values_list(
                    "slug", flat=True
                )
            )
            items = [item for item in batch if item.slug not in existing]
            if not items:
                continue
            with transaction.atomic():
                # bulk_create skips save(), so the body is sanitized and indexed here.
                bodies = [sanitize_html(item.body) for item in items]
                articles = Article.objects.bulk_create(
                    Article(
                        slug=item.slug,
                        headline=item.headline,
                        summary=item.summary,
                        body=item.body,
                        body_html=body_html,
                        body_text=html_to_text(body_html),
                        section=sections[item.index % len(sections)],
                        lead_photo=photos[item.index % len(photos)],
                        status=Article.Status.PUBLISHED,
                        published_at=item.published_at,
                        editors_choice=item.editors_choice,
                    )
                    for item, body_html in zip(items, bodies, strict=True)
                )
                update_vectors(Article.objects.filter(pk__in=[a.pk for a in articles]))
                author_link.objects.bulk_create(
                    author_link(
                        article_id=article.pk, author_id=authors[item.index % len(authors)].pk
                    )
                    for article, item in zip(articles, items, strict=True)
                )
                TaggedItem.objects.bulk_create(
                    TaggedItem(content_type=content_type, object_id=article.pk, tag=tags[name])
                    for article, item in zip(articles, items, strict=True)
                    for name in item.tags
                )
            added += len(items)
            self.stdout.write(f"  {added} synthetic articles added…")
        if added and connection.vendor == "postgresql" and not connection.in_atomic_block:
            # Bulk inserts followed by the search update leave dead rows and stale statistics;
            # the planner needs fresh ones to use the indexes well.
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        return added
