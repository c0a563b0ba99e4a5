from django.db import migrations


def create(apps, schema_editor):
    apps.get_model("pagecache", "Generation").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [("pagecache", "0001_create_generation")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
