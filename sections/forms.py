from newsroom.admin import ChoiceOfRow

from .models import Section


class SectionChoiceField(ChoiceOfRow):
    """Lists sections in tree order, indented by depth, so editors see News › Palestine."""

    def label_from_instance(self, section: Section) -> str:
        return section.tree_label
