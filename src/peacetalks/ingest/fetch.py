"""Safe HTTP fetching: honest User-Agent, timeouts, a size cap enforced while streaming,
no private/loopback/link-local/multicast/reserved addresses (checked after DNS resolution and
again on every redirect, which we follow by hand), and robots.txt for crawled pages.

Known limit: httpx resolves the host again when it connects, so a DNS server that answers
differently within milliseconds (DNS rebinding) could slip past the check; pinning the
address would break TLS SNI, and our inputs are news sites the user chose.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from typing import Callable, Optional
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from peacetalks.ingest.model import IngestConfig

_ROBOTS_MAX_BYTES = 512_000
_REDIRECTS = (301, 302, 303, 307, 308)


class FetchError(Exception):
    """A URL that could not be fetched; the message is one line for an IngestError."""


@dataclass
class Response:
    url: str  # the final URL, after redirects
    status: int
    content_type: str
    body: bytes
    charset: Optional[str] = None


def default_resolver(host: str) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc.strerror or exc}") from None
    return sorted({str(info[4][0]) for info in infos})


def is_public_address(address: str) -> bool:
    """True for a globally routable unicast address (IPv4-mapped IPv6 judged as IPv4)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
                or ip.is_reserved or ip.is_unspecified or not ip.is_global)


class Fetcher:
    """One per ``iter_items`` run: holds the httpx client and the robots.txt cache."""

    def __init__(self, config: IngestConfig) -> None:
        self.config = config
        self._resolver: Callable[[str], list[str]] = config.resolver or default_resolver
        self._client: Optional[httpx.Client] = None
        self._robots: dict[str, Optional[RobotFileParser]] = {}

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            headers = {"User-Agent": self.config.user_agent, **self.config.extra_headers}
            self._client = httpx.Client(
                transport=self.config.transport, timeout=httpx.Timeout(self.config.timeout),
                follow_redirects=False, headers=headers,
            )
        return self._client

    def get(self, url: str, max_bytes: Optional[int] = None) -> Response:
        """GET a URL (redirects followed by hand, each hop checked) or raise FetchError."""
        if self.config.fetch is not None:
            return self._custom_fetch(url)
        cap = self.config.max_bytes if max_bytes is None else max_bytes
        for _ in range(self.config.max_redirects + 1):
            self.check_url(url)
            response = self._get_once(url, cap)
            if isinstance(response, str):
                url = response  # a redirect target
                continue
            return response
        raise FetchError(f"more than {self.config.max_redirects} redirects")

    def _custom_fetch(self, url: str) -> Response:
        assert self.config.fetch is not None
        try:
            return self.config.fetch(url)
        except FetchError:
            raise
        except Exception as exc:  # noqa: BLE001 - a caller's crawler may raise anything
            raise FetchError(f"{type(exc).__name__}: {exc}") from None

    def check_url(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise FetchError(f"refusing URL scheme {parts.scheme!r} (only http and https)")
        host = parts.hostname
        if not host:
            raise FetchError("URL without a host")
        if self.config.allow_private:
            return
        try:
            addresses = [str(ipaddress.ip_address(host))]
        except ValueError:
            addresses = self._resolver(host)
        if not addresses:
            raise FetchError(f"cannot resolve host {host!r}")
        for address in addresses:
            if not is_public_address(address):
                raise FetchError(f"refusing non-public address {address} for host {host!r}")

    def _get_once(self, url: str, cap: int) -> Response | str:
        deadline = time.monotonic() + self.config.timeout  # total, against trickling servers
        try:
            with self.client.stream("GET", url) as r:
                if r.status_code in _REDIRECTS and "location" in r.headers:
                    return urljoin(url, r.headers["location"])
                if r.status_code >= 400:
                    raise FetchError(f"HTTP {r.status_code}")
                declared = r.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > cap:
                    raise FetchError(f"response larger than the {cap}-byte cap ({declared} bytes)")
                body = bytearray()
                for chunk in r.iter_bytes():
                    body += chunk
                    if len(body) > cap:
                        raise FetchError(f"response larger than the {cap}-byte cap")
                    if time.monotonic() > deadline:
                        raise FetchError(f"timed out after {self.config.timeout:g}s")
                return Response(url=str(r.url), status=r.status_code,
                                content_type=r.headers.get("content-type", "").split(";")[0].strip().lower(),
                                body=bytes(body), charset=r.charset_encoding)
        except httpx.TimeoutException:
            raise FetchError(f"timed out after {self.config.timeout:g}s") from None
        except httpx.HTTPError as exc:
            raise FetchError(f"{type(exc).__name__}: {exc}") from None

    def allowed_by_robots(self, url: str) -> bool:
        """robots.txt verdict for our user agent (RFC 9309: a 4xx robots.txt allows all,
        an unreachable one disallows all). Cached per origin."""
        if not self.config.respect_robots:
            return True
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin)
        parser = self._robots[origin]
        return True if parser is None else parser.can_fetch(self._agent_token, url)

    @property
    def _agent_token(self) -> str:
        return self.config.user_agent.split("/", 1)[0]

    def _load_robots(self, origin: str) -> Optional[RobotFileParser]:
        parser = RobotFileParser()
        try:
            response = self.get(origin + "/robots.txt", max_bytes=_ROBOTS_MAX_BYTES)
        except FetchError as exc:
            if str(exc).startswith("HTTP 4"):
                return None
            parser.disallow_all = True
            return parser
        parser.parse(response.body.decode("utf-8", errors="replace").splitlines())
        return parser
