"""The gunicorn settings `make serve` reads from the repository root."""

import gc
import runpy
from pathlib import Path

CONF = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"


def test_workers_collect_young_objects_less_often():
    """After loading the app, a worker freezes what exists and raises the collector's threshold."""
    before = gc.get_threshold()
    try:
        runpy.run_path(str(CONF))["post_worker_init"](worker=None)
        assert gc.get_threshold() == (20_000, 50, 100)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
