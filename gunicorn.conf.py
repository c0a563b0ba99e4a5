"""gunicorn settings read by `make serve` (and bench/pages.py), from the repository root."""

import gc


def post_worker_init(worker) -> None:
    # Objects made while loading Django live as long as the worker: move them out of the
    # collector's sight. A page makes tens of thousands of short-lived objects (querysets,
    # template nodes); collecting the young generation every 700 allocations cost an uncached
    # article page 5-15% of its throughput.
    gc.freeze()
    gc.set_threshold(20_000, 50, 100)
