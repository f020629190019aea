"""testweb: a generator of fake Swedish municipal websites and a loopback server for them.

Self-contained (standard library only); never imports webaudit. See README.md.
"""

from .generator import FEATURES, ITEM_RATES, generate_web, resolve_features
from .model import ITEMS, Host, ItemTruth, Page, Ref, Response, Site, Web
from .pdf import make_pdf
from .server import RequestRecord, WebServer, serve_web, write_registry_csv

__all__ = [
    "FEATURES",
    "ITEMS",
    "ITEM_RATES",
    "Host",
    "ItemTruth",
    "Page",
    "Ref",
    "RequestRecord",
    "Response",
    "Site",
    "Web",
    "WebServer",
    "generate_web",
    "make_pdf",
    "resolve_features",
    "serve_web",
    "write_registry_csv",
]
