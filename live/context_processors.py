from .reading import coverages


def live_coverage(request) -> dict:
    """Which stories are live, read with the page's other per-generation values, so that the
    cards' "Live" badges (live_state) never add a query to a page."""
    return {"live_coverages": coverages(request)}
