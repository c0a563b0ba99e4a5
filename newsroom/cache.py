"""Redis as a cache the site can lose: its absence costs speed, never a page.

Every operation has a short timeout (REDIS_TIMEOUT_SECONDS). When one fails, Redis counts as
down: operations answer at once as a miss for REDIS_RETRY_SECONDS, then the next one tries again,
so caching resumes by itself. A warning is logged once per interval, not once per request.
"""

import functools
import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

from .logs import warn_every

logger = logging.getLogger("newsroom.cache")


def _tolerant(fallback):
    def decorate(method):
        @functools.wraps(method)
        def call(self, *args, **kwargs):
            if time.monotonic() < self.down_until:
                return fallback(*args, **kwargs)
            try:
                return method(self, *args, **kwargs)
            except RedisError as error:
                with self.lock:
                    self.down_until = time.monotonic() + self.retry_seconds
                    self.outages += 1
                warn_every(
                    logger,
                    "redis-down",
                    "Redis is not answering (%s): pages are drawn without the cache and "
                    "retried every %s s.",
                    error,
                    self.retry_seconds,
                )
                return fallback(*args, **kwargs)

        return call

    return decorate


def _none(*args, **kwargs):
    return None


def _false(*args, **kwargs):
    return False


def _missing(key, *args):
    raise ValueError(f"Key {key!r} not found: Redis is not answering.")


class TolerantClient(RedisCacheClient):
    def __init__(self, servers, retry_seconds: float = 5, **options):
        super().__init__(servers, **options)
        self.retry_seconds = retry_seconds
        self.down_until = 0.0
        # How many times Redis failed: what it holds may have missed writes made meanwhile.
        self.outages = 0
        self.lock = threading.Lock()

    add = _tolerant(_false)(RedisCacheClient.add)
    get = _tolerant(lambda key, default: default)(RedisCacheClient.get)
    set = _tolerant(_none)(RedisCacheClient.set)
    touch = _tolerant(_false)(RedisCacheClient.touch)
    delete = _tolerant(_false)(RedisCacheClient.delete)
    get_many = _tolerant(lambda keys: {})(RedisCacheClient.get_many)
    has_key = _tolerant(_false)(RedisCacheClient.has_key)
    set_many = _tolerant(lambda data, timeout: list(data))(RedisCacheClient.set_many)
    delete_many = _tolerant(_none)(RedisCacheClient.delete_many)
    clear = _tolerant(_none)(RedisCacheClient.clear)

    incr = _tolerant(_missing)(RedisCacheClient.incr)


class TolerantRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = TolerantClient

    @property
    def outages(self) -> int:
        return self._cache.outages
