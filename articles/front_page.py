from dataclasses import dataclass, field

from sections.models import Section, SectionTree

from . import reading
from .models import Article

EDITORS_CHOICE_COUNT = 4
PER_SECTION_COUNT = 4


@dataclass
class SectionBlock:
    section: Section
    articles: list[Article] = field(default_factory=list)


@dataclass
class FrontPage:
    """What the home page shows, built in one query."""

    lead: Article | None
    editors_choice: list[Article]
    sections: list[SectionBlock]

    @classmethod
    def build(cls, tree: SectionTree) -> "FrontPage":
        """The newest story, then Editor's Choice, then the newest of each top-level section in
        the menu, in the menu's order; no story twice."""
        navigation = tree.navigation()
        subtrees = {top.pk: {section.pk for section in tree.subtree(top)} for top in navigation}
        # One more of each than is shown: the lead is left out of the groups below it.
        candidates = reading.front_page_candidates(
            [tuple(sorted(ids)) for ids in subtrees.values()],
            each=max(EDITORS_CHOICE_COUNT, PER_SECTION_COUNT) + 1,
        )
        if not candidates:
            return cls(lead=None, editors_choice=[], sections=[])
        lead, rest = candidates[0], candidates[1:]
        choice = [article for article in rest if article.editors_choice]
        blocks = [
            SectionBlock(top, [a for a in rest if a.section_id in subtrees[top.pk]])
            for top in navigation
        ]
        return cls(
            lead=lead,
            editors_choice=choice[:EDITORS_CHOICE_COUNT],
            sections=[
                SectionBlock(block.section, block.articles[:PER_SECTION_COUNT])
                for block in blocks
                if block.articles
            ],
        )
