"""Logging for faults that repeat on every request: said once per interval, not per request."""

import logging
import time

WARN_INTERVAL_SECONDS = 60
_last: dict[str, float] = {}


def warn_every(logger: logging.Logger, topic: str, message: str, *args) -> None:
    """logger.warning(message), unless the same topic was logged in the last minute."""
    now = time.monotonic()
    if now - _last.get(topic, float("-inf")) >= WARN_INTERVAL_SECONDS:
        _last[topic] = now
        logger.warning(message, *args)
