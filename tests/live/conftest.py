from datetime import timedelta

from django.utils import timezone

from live.models import Entry, LiveCoverage


def make_entries(coverage: LiveCoverage, count: int, **fields) -> list[Entry]:
    """`count` published entries, a minute apart, the last one newest."""
    start = timezone.now() - timedelta(minutes=count + 1)
    entries = []
    for n in range(count):
        entry = Entry.objects.create(
            coverage=coverage,
            body=f"<p>Update number {n}.</p>",
            status=Entry.Status.PUBLISHED,
            published_at=start + timedelta(minutes=n),
            **fields,
        )
        entries.append(entry)
    return entries
