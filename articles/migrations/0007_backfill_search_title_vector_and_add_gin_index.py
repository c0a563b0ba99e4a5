from django.contrib.postgres.search import SearchVector
from django.db import migrations


def backfill(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        apps.get_model("articles", "Article").objects.update(
            search_title_vector=SearchVector("headline", weight="A", config="english")
            + SearchVector("summary", weight="B", config="english")
        )


def add_gin_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS article_search_title_vector_gin "
            "ON articles_article USING gin (search_title_vector)"
        )


def drop_gin_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS article_search_title_vector_gin")


class Migration(migrations.Migration):
    dependencies = [("articles", "0006_add_search_title_vector")]

    operations = [
        migrations.RunPython(backfill, migrations.RunPython.noop),
        migrations.RunPython(add_gin_index, drop_gin_index),
    ]
