"""Which URLs the crawler may fetch: http(s) only, no credentials, no private addresses.

A page must not make the crawler probe the reviewer's own network, so loopback, private,
link-local and other special addresses are refused unless `allow_private` is set (for local
test sites).
"""

from __future__ import annotations

import ipaddress
import socket
from functools import lru_cache
from urllib.parse import urlsplit

from webaudit.errors import UnsafeURLError

ALLOWED_SCHEMES = ("http", "https")


@lru_cache(maxsize=4096)
def resolve(host: str) -> tuple[str, ...]:
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        return ()
    return tuple(sorted({str(info[4][0]) for info in infos}))


_resolve = resolve  # older private name


def is_public_address(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def check_url(url: str, *, allow_private: bool) -> str:
    """Return the URL's host if the crawler may fetch it; raise UnsafeURLError otherwise."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise UnsafeURLError(
            f"endast http och https hämtas, inte {parts.scheme or 'tomt schema'}: {url}"
        )
    if parts.username or parts.password:
        raise UnsafeURLError(f"adresser med användarnamn/lösenord hämtas inte: {url}")
    host = parts.hostname
    if not host:
        raise UnsafeURLError(f"adressen saknar värdnamn: {url}")
    if allow_private:
        return host
    addresses = resolve(host)
    if not addresses:
        return host  # unresolvable: the fetch itself will fail and be recorded as such
    for address in addresses:
        if not is_public_address(address):
            raise UnsafeURLError(
                f"{host} pekar på en privat eller lokal adress ({address}); "
                "använd --allow-private för lokala testsajter"
            )
    return host


def is_allowed(url: str, *, allow_private: bool) -> bool:
    try:
        check_url(url, allow_private=allow_private)
    except UnsafeURLError:
        return False
    return True
