"""A local stand-in for a CDN's purge API (or a Varnish): records every request it gets."""

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: dict = field(default_factory=dict)


class StandIn:
    """Answers every request with `status` and `answer` (JSON), and keeps what it was sent."""

    def __init__(self):
        self.requests: list[Recorded] = []
        self.status, self.answer = 200, {"status": "ok", "success": True}
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def handle_any(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                stand_in.requests.append(
                    Recorded(
                        self.command,
                        self.path,
                        {name.lower(): value for name, value in self.headers.items()},
                        json.loads(raw) if raw else {},
                    )
                )
                body = json.dumps(stand_in.answer).encode()
                self.send_response(stand_in.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_PURGE = do_BAN = do_GET = handle_any

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        # Polled every 50 ms: close() waits for the next poll (half a second by default).
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def purged(self) -> set[str]:
        """Every key purged so far, whichever provider's way it was sent."""
        found = set()
        for request in self.requests:
            found |= set(request.body.get("surrogate_keys", []))
            found |= set(request.body.get("tags", []))
            found |= set(request.headers.get("xkey-purge", "").split())
        return found

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
