from django.db import migrations


def create_roles(apps, schema_editor):
    from articles.roles import sync_roles

    sync_roles(apps)


def delete_roles(apps, schema_editor):
    from articles.roles import ROLES

    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    """The Reporter, Editor and Site admin groups (issue #4); `sync_roles` keeps them current."""

    dependencies = [
        ("articles", "0002_add_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("media", "0002_add_photo_focal_point"),
        ("sections", "0001_initial"),
        ("siteinfo", "0002_create_site_settings"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(create_roles, delete_roles)]
