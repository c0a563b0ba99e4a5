"""Synthetic articles for benchmarks: realistic in shape and size, generated in bulk."""

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils.text import slugify

PLACES = [
    "Gaza City", "Ramallah", "Nablus", "Hebron", "Jenin", "Beirut", "Amman", "Cairo",
    "Istanbul", "Baghdad", "Doha", "Tunis", "Athens", "Nairobi", "Lagos", "Jakarta",
    "Lisbon", "Bogotá", "Dhaka", "Karachi", "Berlin", "Geneva", "Brussels", "Madrid",
]  # fmt: skip
ACTORS = [
    "Health ministry", "Teachers' union", "Port authority", "Fishermen's cooperative",
    "Rights group", "Electoral commission", "City council", "Farmers' association",
    "Central bank", "Supreme court", "Aid agencies", "Students", "Doctors", "Journalists",
    "Transport workers", "Residents", "Opposition parties", "Water utility",
]  # fmt: skip
ACTIONS = [
    "warns of shortages in", "calls for inquiry into", "agrees deal on", "rejects plan for",
    "publishes report on", "protests over", "wins ruling on", "delays decision on",
    "announces funding for", "challenges rules on",
]  # fmt: skip
SUBJECTS = [
    "hospital fuel supplies", "school reopening", "export licences", "fishing limits",
    "power cuts", "housing demolitions", "bread prices", "water rationing", "press accreditation",
    "border crossings", "public transport fares", "mobile data costs", "olive exports",
    "university fees", "refugee registration", "road reconstruction",
]  # fmt: skip
TAGS = [
    "health", "education", "economy", "trade", "courts", "elections", "press freedom",
    "water", "energy", "housing", "transport", "agriculture", "human rights", "climate",
    "refugees", "labour", "surveillance", "digital security", "culture", "history",
]  # fmt: skip
NAMES = [
    "Rania Aziz", "Samir Khoury", "Noor Hamdan", "Elif Demir", "Kofi Mensah", "Lucía Romero",
    "Hassan Bakr", "Ingrid Solberg", "Tariq Jaber", "Mei Lin", "Zainab Yusuf", "Pavel Novak",
]  # fmt: skip


@dataclass
class SyntheticArticle:
    index: int
    slug: str
    headline: str
    summary: str
    body: str
    tags: list[str]
    published_at: datetime
    editors_choice: bool


def _paragraphs(rng: random.Random, place: str, actor: str, subject: str) -> list[str]:
    speaker = rng.choice(NAMES)
    count = rng.randint(4, 8)
    sentences = [
        f"The {actor.lower()} in {place} said on {rng.choice(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])} "
        f"that the question of {subject} could no longer wait.",
        f"\u201cWe have raised this for {rng.randint(2, 11)} months and nobody has answered,\u201d said {speaker}, "
        f"who has followed the issue since it began.",
        f"Officials said about {rng.randint(2, 90) * 1000:,} people were affected and that figures would be "
        f"updated within {rng.randint(2, 14)} days.",
        f"Independent observers said the numbers were likely to be higher outside {place}, where "
        f"records are incomplete.",
        "A spokesperson said the government was reviewing the situation and would respond "
        "\u201cin due course\u201d.",
        f"Residents interviewed by The Meridian described {subject} as the main concern in their "
        f"neighbourhood this year.",
    ]
    paragraphs = []
    for _ in range(count):
        rng.shuffle(sentences)
        paragraphs.append(" ".join(sentences[: rng.randint(2, 4)]))
    return paragraphs


def generate(index: int, now: datetime) -> SyntheticArticle:
    """The synthetic article number `index`: the same every time for the same index."""
    rng = random.Random(index)
    place, actor, action, subject = (
        rng.choice(PLACES), rng.choice(ACTORS), rng.choice(ACTIONS), rng.choice(SUBJECTS)
    )  # fmt: skip
    headline = f"{actor} {action} {subject} in {place}"
    paragraphs = _paragraphs(rng, place, actor, subject)
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    if rng.random() < 0.3:
        body += (
            f"<blockquote><p>\u201c{rng.choice(paragraphs).split('.')[0]}.\u201d</p></blockquote>"
        )
    return SyntheticArticle(
        index=index,
        slug=f"{slugify(headline)[:180]}-{index}",
        headline=headline,
        summary=paragraphs[0].split(". ")[0].rstrip(".") + ".",
        body=body,
        tags=rng.sample(TAGS, rng.randint(1, 4)),
        # Spread over roughly the last two years, newest first by index.
        published_at=now - timedelta(minutes=index * 7 + rng.randint(0, 6)),
        editors_choice=rng.random() < 0.02,
    )


def generate_range(count: int, now: datetime) -> Iterator[SyntheticArticle]:
    for index in range(count):
        yield generate(index, now)
