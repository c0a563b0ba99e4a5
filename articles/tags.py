"""Tags as readers reach them: every tag has an address, whatever its name is written in."""

import hashlib

from django.db.models.signals import pre_save
from taggit.models import Tag


def give_an_address(sender, instance: Tag, raw: bool = False, **kwargs) -> None:
    """A name of symbols only ("!!!", "#") has no letters to make a slug of: give it one."""
    if raw or instance.slug or instance.slugify(instance.name):
        return
    digest = hashlib.sha256(instance.name.casefold().encode()).hexdigest()[:10]
    instance.slug = f"tag-{digest}"


def connect() -> None:
    pre_save.connect(give_an_address, sender=Tag, dispatch_uid="articles-tag-address")
