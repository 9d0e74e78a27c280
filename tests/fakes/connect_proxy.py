"""A local HTTPS proxy (HTTP ``CONNECT``) that answers for chosen hosts itself.

A process started with ``HTTPS_PROXY=http://127.0.0.1:PORT`` asks this proxy
to ``CONNECT login.botframework.com:443``; the tunnel ends at an aiohttp server
on 127.0.0.1 whose TLS certificates, one per host, come from the run's CA
(``run_ca.RunCA``). So the client's own TLS handshake, host name check and
HTTP requests are the ones it would make to Microsoft. Any other host is
refused (403) and recorded, so a test can see every host the process tried.

Runs in its own thread with its own event loop, like ``teams_connector``."""
from __future__ import annotations

import asyncio
import threading

from aiohttp import web

from .run_ca import RunCA


class ConnectProxy:
    def __init__(self, ca: RunCA, hosts: list[str], app: web.Application):
        self.ca = ca
        self.hosts = [h.lower() for h in hosts]
        self._app = app
        self.tunnels: list[str] = []  # "host:port" of every CONNECT served
        self.refused: list[str] = []  # every CONNECT target (or other request line) refused
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._server: asyncio.AbstractServer | None = None
        self._tls_port = 0
        self._open: set[asyncio.StreamWriter] = set()  # both ends of every live tunnel, closed at stop()
        self.url = ""

    # ---- lifecycle ----------------------------------------------------
    def start(self) -> str:
        """Start the proxy and the TLS server behind it; returns ``http://127.0.0.1:PORT``."""
        ready = threading.Event()
        failure: list[BaseException] = []

        def run() -> None:
            self._loop = asyncio.new_event_loop()
            asyncio.set_event_loop(self._loop)
            try:
                self._loop.run_until_complete(self._serve())
            except BaseException as e:  # noqa: BLE001 - reported to start()
                failure.append(e)
                ready.set()
                return
            ready.set()
            self._loop.run_forever()

        self._thread = threading.Thread(target=run, name="connect-proxy", daemon=True)
        self._thread.start()
        if not ready.wait(10) or failure:
            raise RuntimeError(f"connect proxy did not start: {failure}")
        return self.url

    async def _serve(self) -> None:
        self._runner = web.AppRunner(self._app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0, ssl_context=self.ca.server_context(self.hosts))
        await site.start()
        self._tls_port = self._runner.addresses[0][1]
        self._server = await asyncio.start_server(self._client, "127.0.0.1", 0)
        self.url = f"http://127.0.0.1:{self._server.sockets[0].getsockname()[1]}"

    def stop(self) -> None:
        if self._loop is None:
            return

        async def shutdown() -> None:
            self._server.close()
            for w in list(self._open):
                w.close()
            await self._runner.cleanup()
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for t in tasks:
                t.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
        asyncio.run_coroutine_threadsafe(shutdown(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()

    def contacted(self) -> set[str]:
        """Every host a client asked this proxy for, served or refused."""
        with self._lock:
            return {t.rsplit(":", 1)[0] for t in self.tunnels + self.refused}

    # ---- one client connection -----------------------------------------
    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
            writer.close()
            return
        method, _, rest = head.decode("latin-1").partition(" ")
        target = rest.split(" ", 1)[0]
        host, _, port = target.rpartition(":")
        if method != "CONNECT" or host.lower() not in self.hosts or port != "443":
            with self._lock:
                self.refused.append(target if method == "CONNECT" else f"{method} {target}")
            writer.write(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            await writer.drain()
            writer.close()
            return
        with self._lock:
            self.tunnels.append(target.lower())
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self._tls_port)
        except OSError:
            writer.write(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
            writer.close()
            return
        writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
        await writer.drain()
        self._open.update((writer, up_writer))
        try:
            await asyncio.gather(_pipe(reader, up_writer), _pipe(up_reader, writer))
        finally:
            self._open.difference_update((writer, up_writer))


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        writer.close()
