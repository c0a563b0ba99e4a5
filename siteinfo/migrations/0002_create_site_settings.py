from django.db import migrations


def create_site_settings(apps, schema_editor):
    apps.get_model("siteinfo", "SiteSettings").objects.get_or_create(pk=1)


def delete_site_settings(apps, schema_editor):
    apps.get_model("siteinfo", "SiteSettings").objects.filter(pk=1).delete()


class Migration(migrations.Migration):
    """Pages read the one settings row on every request; it exists from the start."""

    dependencies = [("siteinfo", "0001_initial")]

    operations = [migrations.RunPython(create_site_settings, delete_site_settings)]
