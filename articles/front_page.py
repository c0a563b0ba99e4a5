from dataclasses import dataclass, field

from sections.models import Section

from .models import Article

EDITORS_CHOICE_COUNT = 4
PER_SECTION_COUNT = 4


@dataclass
class SectionBlock:
    section: Section
    articles: list[Article] = field(default_factory=list)


@dataclass
class FrontPage:
    """What the home page shows, built in a fixed number of queries."""

    lead: Article | None
    editors_choice: list[Article]
    sections: list[SectionBlock]

    @classmethod
    def build(cls, navigation: list[Section]) -> "FrontPage":
        """The page for the top-level sections in navigation, in that order."""
        published = Article.objects.live()
        lead = published.for_listing().first()
        if lead is None:
            return cls(lead=None, editors_choice=[], sections=[])
        editors_choice = list(
            published.for_listing()
            .filter(editors_choice=True)
            .exclude(pk=lead.pk)[:EDITORS_CHOICE_COUNT]
        )
        blocks = {section.pk: SectionBlock(section) for section in navigation}
        for article in published.exclude(pk=lead.pk).latest_per_top_section(PER_SECTION_COUNT):
            if article.top_section_id in blocks:
                blocks[article.top_section_id].articles.append(article)
        return cls(
            lead=lead,
            editors_choice=editors_choice,
            sections=[block for block in blocks.values() if block.articles],
        )
