"""Factories for the domain models: realistic defaults, overridable per test."""

from datetime import timedelta

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from articles.models import Article, Author
from media.models import Photo
from sections.models import Section
from tests.images import jpeg_bytes


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    name = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.Sequence(lambda n: f"section-{n}")
    parent = None


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Reporter {n}")
    slug = factory.Sequence(lambda n: f"reporter-{n}")
    bio = "Covers the courts."


class PhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Photo

    image = factory.LazyFunction(lambda: ContentFile(jpeg_bytes(), name="photo.jpg"))
    caption = "Boats in the harbour at dawn."
    credit = "Jane Doe / Agency"
    alt_text = "Fishing boats moored in a harbour."


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    headline = factory.Sequence(lambda n: f"Storm closes port number {n}")
    slug = factory.Sequence(lambda n: f"storm-closes-port-{n}")
    summary = "Ships were turned away as winds reached 100 km/h."
    body = "<p>The port closed at noon.</p><p>\u201cWe had no choice,\u201d the harbour master said.</p>"
    section = factory.SubFactory(SectionFactory)
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        if create and extracted:
            self.authors.set(extracted)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.set(extracted)
