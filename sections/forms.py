from django import forms

from .models import Section


class SectionChoiceField(forms.ModelChoiceField):
    """Lists sections in tree order, indented by depth, so editors see News › Palestine."""

    def label_from_instance(self, section: Section) -> str:
        return section.tree_label
