from django.contrib.postgres.search import SearchVector
from django.db import migrations

GIN_INDEX = "article_search_vector_gin"


def backfill(apps, schema_editor):
    from newsroom.html import html_to_text

    Article = apps.get_model("articles", "Article")
    for article in Article.objects.only("pk", "body_html").iterator(chunk_size=2000):
        Article.objects.filter(pk=article.pk).update(body_text=html_to_text(article.body_html))
    if schema_editor.connection.vendor == "postgresql":
        Article.objects.update(
            search_vector=SearchVector("headline", weight="A", config="english")
            + SearchVector("summary", weight="B", config="english")
            + SearchVector("body_text", weight="C", config="english")
        )


def add_gin_index(apps, schema_editor):
    # PostgreSQL only: SQLite keeps the column unused and searches with LIKE (articles/search.py).
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {GIN_INDEX} ON articles_article USING gin (search_vector)"
        )


def drop_gin_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {GIN_INDEX}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0004_add_search")]

    operations = [
        migrations.RunPython(backfill, migrations.RunPython.noop),
        migrations.RunPython(add_gin_index, drop_gin_index),
    ]
