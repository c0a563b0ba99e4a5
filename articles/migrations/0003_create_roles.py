from django.db import migrations


class Migration(migrations.Migration):
    """Once made the roles' groups by importing live code; a migration must not depend on code
    that changes, so the roles are now synced after every migrate (accounts.apps)."""

    dependencies = [
        ("articles", "0002_add_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("media", "0002_add_photo_focal_point"),
        ("sections", "0001_initial"),
        ("siteinfo", "0002_create_site_settings"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
