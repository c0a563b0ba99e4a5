"""A dump of the database, a backup or a stolen disk shows source notes only as ciphertext (#18).

These tests commit their rows (transaction=True), so they are in the database's files.
"""

import glob
import shutil
import subprocess
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse

from notes.models import SourceNote

from .conftest import NOTE, signed_in

pytestmark = pytest.mark.django_db(transaction=True)

NEEDLES = [NOTE.encode(), b"Layla K.", b"+961 70 000 111"]


def keep_a_note(newsroom) -> SourceNote:
    client = signed_in(newsroom["bylined"])
    url = reverse("admin:notes_sourcenote_story", args=[newsroom["story"].pk])
    assert client.post(url, {"text": NOTE}).status_code == 302
    return SourceNote.objects.get()


def test_the_sqlite_file_holds_no_plaintext_note(newsroom, keys):
    """Grepping the SQLite file (and its journal) finds the headline but not the note."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only: this run's database is not a SQLite file.")
    note = keep_a_note(newsroom)
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path = connection.settings_dict["NAME"]
    stored = b"".join(Path(name).read_bytes() for name in glob.glob(f"{glob.escape(str(path))}*"))
    assert b"Spyware found on rights workers" in stored  # the file holds committed rows
    assert note.ciphertext.encode() in stored
    for needle in NEEDLES:
        assert needle not in stored


def _pg_dump() -> str | None:
    found = shutil.which("pg_dump")
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_dump"),
        key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0,
    )
    return candidates[-1] if candidates else found


def test_pg_dump_holds_no_plaintext_note(newsroom, keys):
    """A pg_dump of the database holds the note's ciphertext and never its text."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: set DATABASE_URL=postgres://… to run it.")
    pg_dump = _pg_dump()
    if pg_dump is None:
        pytest.skip("pg_dump is not installed (on PATH or in /usr/lib/postgresql/*/bin).")
    note = keep_a_note(newsroom)
    db = connection.settings_dict
    env = {"PGPASSWORD": db.get("PASSWORD") or ""}
    command = [pg_dump, "--data-only", "--no-owner", "-d", db["NAME"], "-h", db["HOST"] or
               "127.0.0.1", "-p", str(db["PORT"] or 5432), "-U", db["USER"] or "postgres"]  # fmt: skip
    dump = subprocess.run(command, capture_output=True, env=env, check=True, timeout=120).stdout
    assert b"Spyware found on rights workers" in dump
    assert note.ciphertext.encode() in dump
    for needle in NEEDLES:
        assert needle not in dump
