"""Keep rendered pages of immutable databases in memory: the data cannot change while served.

A page of an immutable database (and the front page, event map and timeline built from it) is
the same bytes every time it is asked for, so it is rendered once and replayed from an LRU
cache bounded in bytes. Concurrent requests for a page being rendered wait for that one render.
Signed-in requests, non-GET methods, errors and responses that set cookies are never cached.
"""
import asyncio
from collections import OrderedDict

from datasette import hookimpl

MAX_BYTES = 64 * 1024 * 1024  # whole cache
MAX_RESPONSE_BYTES = 2 * 1024 * 1024  # one page; bigger ones (CSV exports) stream through
SITE_PAGES = ("/", "/-/events-map", "/-/timeline")


class ResponseCache:
    """A byte-bounded LRU of (start message, body) keyed by path and query string."""

    def __init__(self, max_bytes=MAX_BYTES):
        self.max_bytes = max_bytes
        self.entries = OrderedDict()
        self.size = 0
        self.pending = {}

    def get(self, key):
        """The cached response for key, marked most recently used, or None."""
        entry = self.entries.get(key)
        if entry is not None:
            self.entries.move_to_end(key)
        return entry

    def put(self, key, start, body):
        """Store a response, evicting the least recently used ones beyond max_bytes."""
        if key in self.entries or len(body) > self.max_bytes:
            return
        self.entries[key] = (start, body)
        self.size += len(body)
        while self.size > self.max_bytes:
            _, (_, old) = self.entries.popitem(last=False)
            self.size -= len(old)


def cacheable_request(scope, datasette):
    """The cache key for a request that may be answered from the cache, else None."""
    if scope["type"] != "http" or scope["method"] != "GET":
        return None
    headers = dict(scope.get("headers") or [])
    if b"authorization" in headers or b"ds_actor" in headers.get(b"cookie", b""):
        return None
    path = scope["path"]
    database = path.strip("/").split("/")[0].split(".")[0]
    db = datasette.databases.get(database)
    if path not in SITE_PAGES and (db is None or db.is_mutable):
        return None
    if path in SITE_PAGES and any(d.is_mutable for n, d in datasette.databases.items() if n != "_internal"):
        return None
    return path + "?" + scope.get("query_string", b"").decode("latin-1")


def replay(start, body):
    """ASGI messages for a cached response, marked as a cache hit."""
    headers = [*start["headers"], (b"x-dateline-cache", b"hit")]
    return [{**start, "headers": headers}, {"type": "http.response.body", "body": body}]


def cached(app, datasette, cache):
    """Wrap an ASGI app so that cacheable responses are rendered once."""

    async def wrapper(scope, receive, send):
        key = cacheable_request(scope, datasette)
        if key is None:
            return await app(scope, receive, send)
        if cache.get(key) is None and key in cache.pending:
            await asyncio.shield(cache.pending[key])
        hit = cache.get(key)
        if hit is not None:
            for message in replay(*hit):
                await send(message)
            return
        done = cache.pending[key] = asyncio.get_running_loop().create_future()
        start, chunks, size = None, [], 0  # recording stops past MAX_RESPONSE_BYTES

        async def recording_send(message):
            nonlocal start, size
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body" and size <= MAX_RESPONSE_BYTES:
                chunks.append(message.get("body", b""))
                size += len(chunks[-1])
            await send(message)

        try:
            await app(scope, receive, recording_send)
            keep = (start is not None and start["status"] == 200 and size <= MAX_RESPONSE_BYTES
                    and not any(name.lower() == b"set-cookie" for name, _ in start["headers"]))
            if keep:
                cache.put(key, start, b"".join(chunks))
        finally:
            cache.pending.pop(key, None)
            done.set_result(None)

    return wrapper


@hookimpl
def asgi_wrapper(datasette):
    """Serve repeated pages of immutable databases from memory."""
    config = datasette.plugin_config("dateline-response-cache") or {}
    cache = ResponseCache(int(config.get("max_bytes", MAX_BYTES)))
    return lambda app: cached(app, datasette, cache)
