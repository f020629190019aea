"""Generate a deterministic web of fictional Swedish municipal sites.

Entry point: :func:`generate_web`. Everything is drawn from ``random.Random`` streams seeded
with strings derived from ``seed`` and the site index, so the same arguments always give the
same bytes, and site *i* is the same whatever ``n_sites`` is (only the addresses of extra
hosts depend on ``n_sites``).
"""

from __future__ import annotations

import base64
import json
import random
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from . import texts
from .model import ITEMS, Host, ItemTruth, Page, Ref, Site, Web, abs_url
from .pdf import make_pdf
from .template import (
    CALC_JS,
    CHILDCARE_JS,
    MAXTAXA,
    SiteTemplate,
    calculator_form,
    childcare_form,
    consent_overlay,  # noqa: F401  (re-exported for model.render)
    encode,
    esc,
    sid_href,
    slugify,
)

# name -> (default amount, description). A float is the fraction of sites that get the
# feature (at least one site when > 0); an int is an exact number of sites.
FEATURES: dict[str, tuple[float | int, str]] = {
    "js_content": (
        0.2,
        "item text injected by JavaScript after load (fetch of a JSON endpoint or inline base64); only a browser sees it",
    ),
    "pdf_items": (
        0.3,
        "some items only inside PDF documents (plus near-miss PDFs such as a printable application form)",
    ),
    "eservice": (
        0.35,
        "e-service platform on another host: fee calculator and application at /oversikt/overview/<n>",
    ),
    "iframe": (
        0.1,
        "the fee calculator e-service embedded in an <iframe> (implies an e-service host)",
    ),
    "redirects": (
        0.3,
        "301/302/307/308 chains (2-3 hops) in front of the home-care page, an item page and e-service links",
    ),
    "alias_host": (1, "the registry website is an alias host that 301-redirects to the real site"),
    "latin1": (0.1, "ISO-8859-1 pages with charset in the Content-Type header"),
    "latin1_meta": (
        1,
        "ISO-8859-1 pages with the charset only in a <meta> (header says text/html)",
    ),
    "broken_links": (0.3, "links to pages that answer 404"),
    "server_error": (0.1, "a linked page that always answers 500"),
    "flaky": (0.1, "an item page that answers 500 to the first request, then 200"),
    "robots": (
        0.6,
        "robots.txt with Disallow rules (/intern/, /print, sometimes /sok, /kalender, /*?sid=) and linked disallowed pages",
    ),
    "crawl_delay": (1, "robots.txt with Crawl-delay: 2"),
    "allow_in_disallow": (
        1,
        "robots.txt Disallow of the care section with an Allow for the sub-tree holding home care (listed after the Disallow)",
    ),
    "sitemap": (0.5, "/sitemap.xml (named in robots.txt when there is one)"),
    "search": (0.5, "site search at /sok?q=... returning result lists with paging"),
    "az_index": (0.4, "A-Ö index page linked from the header"),
    "traps": (
        0.3,
        "endless calendar /kalender?month=YYYY-MM and session-id links (;jsessionid=..., ?sid=...) fresh on every response",
    ),
    "cookie_overlay": (
        0.4,
        "full-screen cookie-consent overlay on every load until 'Godkänn alla'/'Endast nödvändiga' sets a cookie",
    ),
    "alert": (1, "the home-care page opens window.alert on load"),
    "large_page": (1, "a very large page (large_page_bytes, default 3 MB)"),
    "dead_link": (
        1,
        "a link from the home-care page to an e-service on a dead host (nothing listening)",
    ),
    "slow_host": (1, "a link from the start page to a slow host (answers after slow_seconds)"),
    "care_host": (0.05, "the whole care section lives on a separate host (omsorg.<kommun>.se)"),
    "dead_site": (1, "web-level: number of registry rows whose website is a dead host"),
}
SITE_FEATURES = [f for f in FEATURES if f != "dead_site"]

ITEM_RATES: dict[str, float] = {
    "fee_calculator": 0.35,
    "provider_comparison": 0.45,
    "flexibility_policy": 0.15,
    "no_needs_assessment": 0.2,
    "how_to_apply": 0.9,
    "e_application": 0.5,
    "fee_info": 0.85,
    "provider_choice": 0.6,
    "service_content": 0.85,
    "complaints": 0.7,
    "contact_info": 0.75,
    "fast_omsorgskontakt": 0.5,
    "easy_read_or_languages": 0.4,
    "assessment_guidelines": 0.5,
    "quality_guarantees": 0.35,
    "safety_alarm": 0.85,
}

GROUPS: dict[str, list[str]] = {
    "apply": ["how_to_apply", "e_application"],
    "fee": ["fee_info", "fee_calculator"],
    "provider": ["provider_choice", "provider_comparison"],
    "how": ["service_content", "flexibility_policy", "fast_omsorgskontakt"],
    "noneeds": ["no_needs_assessment"],
    "alarm": ["safety_alarm"],
    "complaints": ["complaints"],
    "contact": ["contact_info"],
    "easy": ["easy_read_or_languages"],
    "guidelines": ["assessment_guidelines"],
    "quality": ["quality_guarantees"],
}
SIBLING_GROUPS = ("noneeds", "alarm", "complaints", "contact", "guidelines")
NEAR_MISS_ITEMS = [i for i in ITEMS if i != "how_to_apply"]
CMS_CHOICES = ["sitevision", "sitevision", "episerver", "episerver", "aspx", "query", "sv"]
ALDREGUIDEN = "https://www.socialstyrelsen.se/aldreguiden/"

FeatureSpec = Iterable[str] | Mapping[str, float | int] | None


def resolve_features(features: FeatureSpec) -> dict[str, float | int]:
    """Normalise a feature spec: None = all defaults; names = those at default amounts;
    mapping = explicit amounts (float fraction of sites or int number of sites)."""
    if features is None:
        return {k: v[0] for k, v in FEATURES.items()}
    if isinstance(features, str):
        features = [features]
    if isinstance(features, Mapping):
        spec = dict(features)
    else:
        spec = {k: FEATURES[k][0] if k in FEATURES else 0 for k in features}
    unknown = sorted(k for k in spec if k not in FEATURES)
    if unknown:
        raise ValueError(f"unknown testweb feature(s) {unknown}; known: {sorted(FEATURES)}")
    return {k: spec[k] for k in FEATURES if k in spec}


def address_sequence(first: str) -> Iterator[str]:
    """127.x.y.z addresses counting up from ``first``; skips .0, .255 and 127.0.0.1."""
    parts = [int(p) for p in first.split(".")]
    if len(parts) != 4 or parts[0] != 127:
        raise ValueError(f"first address must be 127.x.y.z, got {first}")
    n = (parts[1] << 16) | (parts[2] << 8) | parts[3]
    while n < (1 << 24):
        b, c, d = (n >> 16) & 255, (n >> 8) & 255, n & 255
        n += 1
        if d in (0, 255) or (b, c, d) == (0, 0, 1):
            continue
        yield f"127.{b}.{c}.{d}"
    raise RuntimeError("out of loopback addresses")


def municipality_names(seed: int, n: int) -> list[str]:
    combos = [p + s for p in texts.NAME_PREFIXES for s in texts.NAME_SUFFIXES]
    combos = [c for c in dict.fromkeys(combos) if c not in texts.REAL_NAMES]
    random.Random(f"{seed}:names").shuffle(combos)
    out = combos[:n]
    k = 2
    while len(out) < n:
        out += [f"{c} {k}" for c in combos[: n - len(out)]]
        k += 1
    return out


def assign_features(seed: int, n: int, spec: Mapping[str, float | int]) -> list[list[str]]:
    per_site: list[list[str]] = [[] for _ in range(n)]
    if n == 0:
        return per_site
    for name in SITE_FEATURES:
        amount = spec.get(name, 0)
        rng = random.Random(f"{seed}:feature:{name}")
        if isinstance(amount, bool) or not amount:
            if amount is True:
                amount = FEATURES[name][0]
            else:
                continue
        if isinstance(amount, float):  # a fraction: exactly round(amount * n) sites, at least one
            amount = min(n, max(1, round(amount * n)))
        chosen = sorted(rng.sample(range(n), min(int(amount), n)))
        for i in chosen:
            per_site[i].append(name)
    for feats in per_site:
        if "latin1_meta" in feats and "latin1" in feats:
            feats.remove("latin1")
        if "allow_in_disallow" in feats and "care_host" in feats:
            feats.remove("care_host")
    return per_site


def plan_items(seed: int, n: int, rates: Mapping[str, float]) -> list[dict[str, bool]]:
    plans = []
    for i in range(n):
        rng = random.Random(f"{seed}:{i}:items")
        plans.append({item: rng.random() < rates[item] for item in ITEMS})
    if n >= 2:  # every item both present and absent somewhere
        rng = random.Random(f"{seed}:itemfix")
        for item in ITEMS:
            if not any(p[item] for p in plans):
                plans[rng.randrange(n)][item] = True
            if all(p[item] for p in plans):
                plans[rng.randrange(n)][item] = False
    return plans


def generate_web(
    n_sites: int,
    seed: int = 0,
    features: FeatureSpec = None,
    *,
    pages: tuple[int, int] = (20, 80),
    depth: tuple[int, int] = (2, 4),
    slow_seconds: float = 3.0,
    large_page_bytes: int = 3_000_000,
    item_rates: Mapping[str, float] | None = None,
    first_address: str = "127.0.1.1",
    first_code: int = 7001,
) -> Web:
    """Generate ``n_sites`` municipal sites plus extra hosts. See README.md for the model."""
    if n_sites < 0:
        raise ValueError("n_sites must be >= 0")
    if not (1 <= depth[0] <= depth[1]):
        raise ValueError("depth must be (min, max) with 1 <= min <= max")
    spec = resolve_features(features)
    rates = dict(ITEM_RATES)
    if item_rates:
        unknown = sorted(set(item_rates) - set(ITEMS))
        if unknown:
            raise ValueError(f"unknown item(s) {unknown}")
        rates.update(item_rates)
    params = {
        "pages": tuple(pages),
        "depth": tuple(depth),
        "slow_seconds": slow_seconds,
        "large_page_bytes": large_page_bytes,
        "first_address": first_address,
        "first_code": first_code,
    }
    web = Web(seed, spec, params)
    addrs = address_sequence(first_address)
    site_addrs = [next(addrs) for _ in range(n_sites)]
    names = municipality_names(seed, n_sites + int(spec.get("dead_site", 0) or 0))
    feats = assign_features(seed, n_sites, spec)
    plans = plan_items(seed, n_sites, rates)
    for i in range(n_sites):
        b = SiteBuilder(
            web,
            i,
            site_addrs[i],
            f"{first_code + i:04d}",
            names[i],
            feats[i],
            plans[i],
            params,
            addrs,
        )
        web.sites.append(b.build())
    n_dead = int(spec.get("dead_site", 0) or 0)
    for k in range(n_dead):
        addr = next(addrs)
        name = names[n_sites + k]
        h = Host(addr, f"www.{slugify(name)}.se", role="dead", owner=None, listening=False, port=1)
        web.hosts.append(h)
        web.dead_site = {
            "code": f"{first_code - 1 - k:04d}",
            "name": name,
            "host": addr,
            "website": f"http://{addr}:1/",
        }
    return web


# ----------------------------------------------------------------------------------------------


@dataclass(eq=False)
class Node:
    title: str
    parent: Node | None = None
    kind: str = "page"  # start, section, leaf, news, newslist, care, home, item, util, az, large
    host: str = ""
    target: str = ""
    dir: str = ""  # logical path of the node (slugs), children nest below it
    children: list[Node] = field(default_factory=list)
    blocks: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    link_target: str | None = None  # what anchors point to (start of a redirect chain)
    in_menu: bool = True
    head_extra: str = ""
    body_end: str = ""
    fail_first: int = 0
    topic: str = ""

    def add(self, title: str, kind: str = "page", **kw: object) -> Node:
        child = Node(title, self, kind, **kw)  # type: ignore[arg-type]
        self.children.append(child)
        return child

    def ancestors(self) -> list[Node]:
        out = []
        n = self.parent
        while n is not None:
            out.append(n)
            n = n.parent
        return out[::-1]

    def walk(self) -> Iterator[Node]:
        yield self
        for c in self.children:
            yield from c.walk()


class SiteBuilder:
    def __init__(
        self,
        web: Web,
        index: int,
        addr: str,
        code: str,
        name: str,
        features: list[str],
        items: dict[str, bool],
        params: dict[str, Any],
        addrs: Iterator[str],
    ):
        self.web, self.index, self.addr, self.code, self.name = web, index, addr, code, name
        self.f = set(features)
        self.features = list(features)
        self.items = dict(items)
        self.params = params
        self.addrs = addrs
        self.rng = random.Random(f"{web.seed}:{index}:site")
        self.slug = slugify(name)
        self.site = Site(addr, f"www.{self.slug}.se", code=code, name=name, slug=self.slug)
        self.hosts: dict[str, Host] = {}
        self.used_targets: dict[str, set[str]] = {}
        self.truth = {i: ItemTruth(i, items[i]) for i in ITEMS}
        self.flaky: list[Ref] = []
        area = self.rng.choice(
            ["0150", "0220", "0340", "0470", "0510", "0612", "0920", "0980", "0480", "0560"]
        )
        self.vars = {
            "kommun": name,
            "kommuns": name if name.endswith("s") else name + "s",
            "tel": f"{area}-{self.rng.randint(10, 99)} {self.rng.randint(10, 99)} {self.rng.randint(10, 99)}",
            "vaxel": f"{area}-{self.rng.randint(10, 99)} 00 00",
            "epost": f"{self.slug}.se",
            "ar": "2025",
            "maxtaxa": f"{MAXTAXA // 1000} {MAXTAXA % 1000:03d}",
            "alder": str(self.rng.choice([70, 75, 75, 80])),
            "timmar": str(self.rng.choice([4, 6, 8])),
            "slug": self.slug,
        }

    # -- small helpers ---------------------------------------------------------------------
    def fmt(self, s: str) -> str:
        return s.format(**self.vars)

    def new_host(self, role: str, label: str, **kw: object) -> Host:
        h = Host(next(self.addrs), label, role=role, owner=self.code, **kw)  # type: ignore[arg-type]
        self.hosts[h.host] = h
        self.site.extra_hosts.append(h.host)
        return h

    def pages_of(self, addr: str) -> dict[str, Page]:
        return self.site.pages if addr == self.addr else self.hosts[addr].pages

    def claim(self, addr: str, target: str) -> str:
        used = self.used_targets.setdefault(addr, set())
        base, k = target, 2
        while target in used:
            if "?" in base:
                target = f"{base}{k}"
            elif base.endswith("/"):
                target = f"{base[:-1]}-{k}/"
            elif "." in base.rsplit("/", 1)[-1]:
                stem, ext = base.rsplit(".", 1)
                target = f"{stem}-{k}.{ext}"
            else:
                target = f"{base}-{k}"
            k += 1
        used.add(target)
        return target

    def href(self, from_host: str, node: Node, canonical: bool = False) -> str:
        target = node.target if canonical or node.link_target is None else node.link_target
        if node.host == from_host and not self.absolute_links:
            return target
        return abs_url(node.host, target)

    def href_t(self, from_host: str, host: str, target: str) -> str:
        if host == from_host and not self.absolute_links:
            return target
        return abs_url(host, target)

    def ref(self, node: Node) -> Ref:
        return Ref(node.host, node.target)

    def para(self, text: str) -> str:
        return f"<p>{esc(self.fmt(text))}</p>"

    # -- build -----------------------------------------------------------------------------
    def build(self) -> Site:
        rng = self.rng
        f = self.f
        latin = "latin1" in f or "latin1_meta" in f
        self.cms = (
            rng.choice(["aspx", "query", "aspx", "episerver"]) if latin else rng.choice(CMS_CHOICES)
        )
        if "allow_in_disallow" in f and self.cms == "query":
            self.cms = "episerver"
        self.charset = "iso-8859-1" if latin else "utf-8"
        self.absolute_links = rng.random() < 0.2
        lo, hi = self.params["depth"]
        self.depth = rng.randint(lo, hi)
        if "allow_in_disallow" in f:
            self.depth = max(self.depth, 3)
        self.query_script = rng.choice(["/index.php", "/sida.asp", "/templates/page.aspx"])
        self.site.cms, self.site.features, self.site.depth = self.cms, self.features, self.depth
        self.site.vars = dict(self.vars)
        self.print_target: str | None = None
        self.site.not_found = None

        self.eservice: Host | None = None
        if "eservice" in f or "iframe" in f:
            self.eservice = self.new_host(
                "eservice",
                rng.choice(
                    [
                        f"etjanster.{self.slug}.se",
                        f"{self.slug}.e-tjanst.se",
                        f"minasidor.{self.slug}.se",
                    ]
                ),
            )
        self.care_host: Host | None = None
        if "care_host" in f:
            self.care_host = self.new_host("care", f"omsorg.{self.slug}.se")

        self.plan_modes()
        self.build_tree()
        self.assign_urls()
        self.make_templates()
        self.fill_content()
        self.make_extras()
        self.render_nodes()
        self.finish_truth()
        for h in self.hosts.values():
            if h.not_found is None:
                h.not_found = self.not_found_page(h.host)
        self.web.hosts.extend(self.hosts.values())
        return self.site

    # -- modes -----------------------------------------------------------------------------
    def plan_modes(self) -> None:
        rng, f, items = self.rng, self.f, self.items
        if "iframe" in f:
            items["fee_calculator"] = True
            self.truth["fee_calculator"].exists = True
        modes: dict[str, str] = {i: "html" for i in ITEMS if items[i]}
        if items["provider_comparison"] and rng.random() < 0.7:
            modes["provider_comparison"] = "link"
        if items["fee_calculator"]:
            if "iframe" in f:
                modes["fee_calculator"] = "iframe"
            elif self.eservice is not None:
                modes["fee_calculator"] = "eservice"
        if items["e_application"] and self.eservice is not None:
            modes["e_application"] = "eservice"
        if "pdf_items" in f:
            cands = [i for i in texts.PDF_ITEMS if modes.get(i) == "html"]
            if not cands:
                items["assessment_guidelines"] = True
                self.truth["assessment_guidelines"].exists = True
                cands = ["assessment_guidelines"]
            for i in rng.sample(cands, min(len(cands), rng.randint(1, 3))):
                modes[i] = "pdf"
        if "js_content" in f:
            cands = [i for i in ITEMS if modes.get(i) == "html"]
            if not cands:
                items["service_content"] = True
                self.truth["service_content"].exists = True
                cands = ["service_content"]
            for i in rng.sample(cands, min(len(cands), rng.randint(1, 2))):
                modes[i] = "js"
        self.modes = modes
        for i, m in modes.items():
            self.truth[i].mode = m

    # -- tree ------------------------------------------------------------------------------
    def build_tree(self) -> None:
        rng = self.rng
        start = Node("Startsida", kind="start")
        self.start = start
        target_total = rng.randint(*self.params["pages"])
        small = target_total < 35
        tops = rng.sample(texts.TOP_SECTIONS, 4 if small else rng.randint(4, 6))
        # care chain
        if self.depth == 1:
            words: list[str] = []
        elif self.depth == 2:
            words = [rng.choice(texts.CARE_TOP_WORDS + texts.CARE_TOP_WORDS_DIRECT)]
        else:
            words = [rng.choice(texts.CARE_TOP_WORDS), rng.choice(texts.CARE_MID_WORDS)]
            for _ in range(self.depth - 3):
                words.append(
                    rng.choice(
                        [w for w in texts.CARE_LOW_WORDS if w not in words] or ["Stöd i hemmet"]
                    )
                )
        section_nodes: list[Node] = []
        care_pos = rng.randint(0, min(2, len(tops)))
        for k, (title, _leaves) in enumerate(tops):
            if k == care_pos and words:
                section_nodes.append(start.add(words[0], "section", topic="care"))
            section_nodes.append(start.add(title, "section", topic=title))
        if care_pos >= len(tops) and words:
            section_nodes.append(start.add(words[0], "section", topic="care"))
        self.sections = section_nodes
        chain: list[Node] = []
        parent = start
        for k, w in enumerate(words):
            node = (
                next((n for n in section_nodes if n.title == w and n.topic == "care"), None)
                if k == 0
                else None
            )
            if node is None:
                node = parent.add(w, "care")
            chain.append(node)
            parent = node
        self.chain = chain
        self.care_top = chain[0] if chain else None
        home = parent.add(rng.choice(texts.HOME_CARE_TITLES), "home")
        if not words:  # depth 1: home care directly in the main menu
            start.children.remove(home)
            start.children.insert(min(2, len(start.children)), home)
            section_nodes.insert(min(2, len(section_nodes)), home)
        self.home = home
        self.site.menu_path = [n.title for n in chain] + [home.title]

        # other care pages
        elderly = [
            "Särskilt boende",
            "Anhörigstöd",
            "Dagverksamhet",
            "Hemsjukvård",
            "Mötesplatser för seniorer",
            "Trygghetsboende",
            "Korttidsvistelse",
        ]
        if chain:
            host_parent = chain[1] if len(chain) > 1 else chain[0]
            others = rng.sample(texts.CARE_OTHER, rng.randint(1, 2) if small else rng.randint(3, 6))
            for t in others:
                if t in elderly:
                    host_parent.add(t, "care", topic=t)
                elif len(chain) > 1 or chain[0].title in texts.CARE_TOP_WORDS:
                    chain[0].add(t, "care", topic=t)
        # item carrier pages
        self.carrier: dict[str, Node] = {}
        for group, members in GROUPS.items():
            present = [i for i in members if self.items[i]]
            if not present:
                continue
            if rng.random() < 0.35:
                node = home
            else:
                title = rng.choice(texts.CARRIER_TITLES[present[0]])
                if (
                    group in SIBLING_GROUPS
                    and home.parent is not None
                    and home.parent is not start
                    and rng.random() < 0.5
                ):
                    node = home.parent.add(title, "item")
                else:
                    node = home.add(title, "item")
            for i in present:
                self.carrier[i] = node
        if (
            self.items["provider_comparison"]
            and self.modes.get("provider_comparison") == "html"
            and rng.random() < 0.5
        ):
            self.carrier["provider_comparison"] = (
                self.carrier["provider_comparison"].add("Jämför utförare", "item")
                if self.carrier["provider_comparison"] is not home
                else home.add("Jämför utförare", "item")
            )

        # utility pages
        self.utils: dict[str, Node] = {}
        for t in ["Kontakta oss"] + (texts.FOOTER_LINKS[1:2] if small else texts.FOOTER_LINKS):
            self.utils[t] = start.add(t, "util", in_menu=False)
        news = start.add("Nyheter", "newslist", in_menu=False)
        self.news = news
        for t in rng.sample(texts.NEWS_TITLES, 1 if small else rng.randint(3, 7)):
            news.add(self.fmt(t), "news")
        if "large_page" in self.f:
            host_sec = next(
                (s for s in section_nodes if s.title == "Kommun och politik"), section_nodes[-1]
            )
            self.large = host_sec.add("Diarium och protokollarkiv 2015–2025", "large")
        # filler leaves up to the page budget
        pools = {
            s.title: [t for t in dict(texts.TOP_SECTIONS)[s.title]]
            for s in section_nodes
            if s.title in dict(texts.TOP_SECTIONS)
        }
        for p in pools.values():
            rng.shuffle(p)
        secs = [s for s in section_nodes if s.title in pools]
        for s in secs:  # one leaf per section while the budget allows
            if pools[s.title] and sum(1 for _ in start.walk()) < target_total:
                t = pools[s.title].pop()
                s.add(t, "leaf", topic=t)
        k = 0
        while sum(1 for _ in start.walk()) < target_total and any(pools.values()):
            s = secs[k % len(secs)]
            k += 1
            if pools[s.title]:
                t = pools[s.title].pop()
                s.add(t, "leaf", topic=t)
        extra = 1
        while sum(1 for _ in start.walk()) < target_total:
            news.add(f"Kommunen informerar – nummer {extra}", "news")
            extra += 1

    # -- URLs ------------------------------------------------------------------------------
    def assign_urls(self) -> None:
        rng = self.rng
        care_nodes = set()
        if self.care_host is not None and self.care_top is not None:
            care_nodes = {id(n) for n in self.care_top.walk()}
        ids = rng.sample(range(100, 9999), 400)
        id_iter = iter(ids)
        for node in self.start.walk():
            node.host = (
                self.care_host.host if self.care_host and id(node) in care_nodes else self.addr
            )
            if node is self.start:
                node.dir = ""
                node.target = "/sv/" if self.cms == "sv" else "/"
                self.claim(node.host, node.target)
                continue
            slug = slugify(node.title)
            pdir = node.parent.dir if node.parent is not None else ""
            if node.parent is self.start and node.kind == "util" and rng.random() < 0.5:
                pdir = ""
            node.dir = f"{pdir}/{slug}"
            cms = self.cms
            if cms == "sitevision":
                if (
                    node.kind in ("leaf", "news", "home", "item")
                    and not node.children
                    and rng.random() < 0.3
                ):
                    t = f"/4.{rng.getrandbits(80):020x}/{slug}.html"
                else:
                    t = node.dir + ".html"
            elif cms == "episerver":
                t = node.dir + "/"
            elif cms == "aspx":
                t = "/".join(p[:1].upper() + p[1:] for p in node.dir.split("/")) + ".aspx"
            elif cms == "query":
                t = f"{self.query_script}?id={next(id_iter)}"
            else:  # sv
                t = "/sv" + node.dir + "/"
            node.target = self.claim(node.host, t)
        if self.care_host is not None and self.care_top is not None:
            # the care host answers / with a redirect to the care section
            self.care_host.pages["/"] = self.redirect_page(
                self.care_host.host, self.care_top.target, 302
            )
            self.claim(self.care_host.host, "/")
        if self.cms == "sv":
            self.site.pages["/"] = self.redirect_page(self.addr, "/sv/", 302)
            self.claim(self.addr, "/")
        self.site.start = Ref(self.addr, self.start.target)

    def pdf_target(self, host: str, title: str) -> str:
        rng, slug = self.rng, slugify(title)
        if self.cms == "sitevision":
            t = f"/download/18.{rng.getrandbits(48):012x}.{rng.randint(1000000000000, 1999999999999)}/{rng.randint(1600000000000, 1760000000000)}/{title.replace(' ', '%20')}.pdf"
        elif self.cms == "episerver":
            t = f"/globalassets/dokument/omsorg/{slug}.pdf"
        elif self.cms == "aspx":
            t = f"/Documents/Omsorg/{slug.title()}.pdf"
        elif self.cms == "query":
            t = f"/dokument.php?id={rng.randint(10000, 99999)}"
        else:
            t = f"/contentassets/{rng.getrandbits(128):032x}/{slug}.pdf"
        return self.claim(host, t)

    # -- templates -------------------------------------------------------------------------
    def make_templates(self) -> None:
        f = self.f
        self.search_target = "/sok" if "search" in f else None
        self.az_node: Node | None = None
        if "az_index" in f:
            self.az_node = self.start.add("A–Ö", "az", in_menu=False)
            self.az_node.host = self.addr
            t = {
                "sitevision": "/a-o.html",
                "episerver": "/a-o/",
                "aspx": "/A-O.aspx",
                "query": f"{self.query_script}?id=2",
                "sv": "/sv/a-o/",
            }[self.cms]
            self.az_node.target = self.claim(self.addr, t)
        self.templates: dict[str, SiteTemplate] = {}
        for host in [self.addr] + ([self.care_host.host] if self.care_host else []):
            menu = [(s.title, self.href(host, s)) for s in self.sections]
            footer = [(t, self.href(host, n)) for t, n in self.utils.items()]
            traps: list[tuple[str, str]] = []
            if "robots" in f:
                footer.append(("Intranät för anställda", self.href_t(host, self.addr, "/intern/")))
            if "traps" in f:
                traps = [
                    (
                        "Nyheter",
                        self.href_t(host, self.addr, sid_href(self.news.target, "jsession")),
                    ),
                    (
                        "Kontakt",
                        self.href_t(
                            host, self.addr, sid_href(self.utils["Kontakta oss"].target, "sid")
                        ),
                    ),
                    ("Evenemangskalender", self.href_t(host, self.addr, "/kalender?month=2025-09")),
                ]
            self.templates[host] = SiteTemplate(
                kommun=self.name,
                charset=self.charset,
                meta_only="latin1_meta" in f,
                cms=self.cms,
                home_href=self.href(host, self.start),
                menu=menu,
                search_href=self.href_t(host, self.addr, self.search_target)
                if self.search_target
                else None,
                az_href=self.href(host, self.az_node) if self.az_node else None,
                overlay="cookie_overlay" in f,
                footer_links=footer,
                trap_links=traps,
                vaxel=self.vars["vaxel"],
                address=f"Kommunhuset, Storgatan 1, {self.rng.randint(100, 999)} {self.rng.randint(10, 99)} {self.name}",
            )
        self.site.template = self.templates[self.addr]

    # -- content ---------------------------------------------------------------------------
    def item_html(self, item: str, variant: int | None = None) -> tuple[str, str]:
        variants = texts.POSITIVE[item]
        heading, paras = variants[self.rng.randrange(len(variants)) if variant is None else variant]
        body = f"<h2>{esc(self.fmt(heading))}</h2>" + "".join(self.para(p) for p in paras)
        text = self.fmt(heading) + "\n" + "\n".join(self.fmt(p) for p in paras)
        return body, text

    def near_miss_html(self, item: str) -> str:
        return self.para(self.rng.choice(texts.NEAR_MISS[item]))

    def add_near_miss(self, item: str, node: Node) -> None:
        node.blocks.append(self.near_miss_html(item))
        self.truth[item].near_miss.append(self.ref(node))

    def fill_content(self) -> None:
        rng = self.rng
        self.json_counter = 0
        # generic pages
        for node in self.start.walk():
            if node.kind in ("leaf", "care", "news", "util"):
                sents = list(texts.TOPIC_SENTENCES.get(node.topic, []))
                rng.shuffle(sents)
                chosen = sents[: rng.randint(2, 4)] + rng.sample(
                    texts.GENERIC_SENTENCES, rng.randint(1, 3)
                )
                if node.kind == "news":
                    chosen = [
                        f"Publicerad {rng.randint(1, 28)} {rng.choice(['januari', 'mars', 'maj', 'juni', 'augusti', 'oktober'])} 2025.",
                        *chosen,
                    ]
                node.blocks.append(f'<p class="lead">{esc(self.fmt(chosen[0]))}</p>')
                node.blocks.extend(self.para(s) for s in chosen[1:])
            elif node.kind == "section":
                node.blocks.append(
                    f'<p class="lead">{esc(self.fmt(rng.choice(texts.SECTION_INTRO if node.topic == "care" else texts.GENERIC_SENTENCES)))}</p>'
                )
            elif node.kind == "care" and not node.blocks:
                node.blocks.append(
                    f'<p class="lead">{esc(self.fmt(rng.choice(texts.SECTION_INTRO)))}</p>'
                )
        for node in self.chain[1:]:
            node.blocks.insert(
                0, f'<p class="lead">{esc(self.fmt(rng.choice(texts.SECTION_INTRO)))}</p>'
            )
        home = self.home
        intro = rng.sample(texts.HOME_CARE_INTRO, 2)
        home.blocks.append(f'<p class="lead">{esc(self.fmt(intro[0]))}</p>{self.para(intro[1])}')
        for node in self.start.walk():
            if node.kind == "item":
                node.blocks.append(
                    f'<p class="lead">{esc(self.fmt(rng.choice(texts.HOME_CARE_INTRO[1:])))}</p>'
                )

        # items
        for item in ITEMS:
            if not self.items[item]:
                continue
            self.place_item(item, self.carrier[item], self.modes[item])

        # near misses for absent items
        for _group, members in GROUPS.items():
            carriers = [self.carrier[i] for i in members if i in self.carrier]
            for item in members:
                if self.items[item] or item not in NEAR_MISS_ITEMS:
                    continue
                if carriers and rng.random() < 0.6:
                    self.add_near_miss(item, carriers[0])
                elif rng.random() < 0.35:
                    self.add_near_miss(item, home)
        # decoys on other pages
        for node in self.start.walk():
            if node.topic in texts.DECOYS:
                item, sentence = texts.DECOYS[node.topic]
                node.blocks.append(self.para(sentence))
                self.truth[item].near_miss.append(self.ref(node))
            if node.title == "Avgifter för förskola" and rng.random() < 0.5:
                node.blocks.append(
                    "<h2>Räkna ut din avgift för förskola</h2>" + childcare_form(node.target)
                )
                node.body_end += f"<script>{CHILDCARE_JS}</script>"
                self.truth["fee_calculator"].near_miss.append(self.ref(node))
            if node.title == "Särskilt boende" and rng.random() < 0.5:
                node.blocks.append(
                    f'<p>Jämför äldreboenden i Socialstyrelsens <a href="{ALDREGUIDEN}">Äldreguiden</a> innan du väljer särskilt boende.</p>'
                )
                self.truth["provider_comparison"].near_miss.append(self.ref(node))
        if "pdf_items" in self.f and not self.items["e_application"]:
            carrier = self.carrier.get("how_to_apply", home)
            t = self.pdf_target(self.addr, "Ansökan om bistånd blankett")
            self.site.pages[t] = self.pdf_page(
                "Ansökan om bistånd enligt socialtjänstlagen",
                [
                    "Blankett. Skriv ut, fyll i och skicka till vård- och omsorgsförvaltningen.",
                    "Namn: ____________  Personnummer: ____________",
                    "Jag ansöker om: [ ] hemtjänst [ ] trygghetslarm [ ] särskilt boende",
                ],
            )
            carrier.blocks.append(
                f'<ul class="documents"><li><a href="{esc(self.href_t(carrier.host, self.addr, t))}">Blankett: Ansökan om bistånd (pdf, 96 kB)</a></li></ul>'
            )
            self.truth["e_application"].near_miss.append(Ref(self.addr, t))

        # home page: links to sub-pages, contact box, alert, dead link
        subs = [c for c in home.children]
        if subs:
            home.blocks.append(
                '<h2>Läs mer</h2><ul class="link-list">'
                + "".join(
                    f'<li><a href="{esc(self.href(home.host, c))}">{esc(c.title)}</a></li>'
                    for c in subs
                )
                + "</ul>"
            )
        sibs = [c for c in (home.parent.children if home.parent else []) if c.kind == "item"]
        if sibs and rng.random() < 0.7:
            home.blocks.append(
                '<h2>Relaterade sidor</h2><ul class="link-list">'
                + "".join(
                    f'<li><a href="{esc(self.href(home.host, c))}">{esc(c.title)}</a></li>'
                    for c in sibs
                )
                + "</ul>"
            )
        if "alert" in self.f:
            home.body_end += "<script>window.addEventListener('load',function(){alert('Observera: telefontiderna till biståndshandläggarna är ändrade under sommaren.');});</script>"
        if "dead_link" in self.f:
            dead = self.new_host("dead", f"boka.{self.slug}.se", listening=False, port=1)
            home.blocks.append(
                f'<p>Boka ett informationsmöte om hemtjänst i vår <a href="{esc(abs_url(dead.host, "/boka/hemtjanst"))}">bokningstjänst</a>.</p>'
            )
            self.site.deliberate_broken.append(Ref(dead.host, "/boka/hemtjanst"))
        if "slow_host" in self.f:
            slow = self.new_host(
                "slow", f"bokning.{self.slug}.se", delay=float(self.params["slow_seconds"])
            )
            slow.pages["/"] = Page(
                encode(
                    self.simple_page(
                        "Boka lokaler och anläggningar",
                        "<p>Här bokar du kommunens lokaler, idrottshallar och mötesrum.</p>",
                    ),
                    "utf-8",
                ),
                title="Boka lokaler",
                kind="page",
            )
            self.start.blocks.append(
                f'<p><a href="{esc(abs_url(slow.host, "/"))}">Boka lokaler och anläggningar</a></p>'
            )

        # start page
        s = self.start
        s.blocks.insert(0, f'<p class="lead">{esc(self.fmt(rng.choice(texts.START_INTRO)))}</p>')
        quick = [n for n in s.walk() if n.kind == "leaf"]
        quick = rng.sample(quick, min(4, len(quick)))
        if "allow_in_disallow" in self.f and len(self.chain) > 1:
            quick.append(self.chain[1])
        s.blocks.append(
            '<h2>Genvägar</h2><ul class="quick-links">'
            + "".join(
                f'<li><a href="{esc(self.href(s.host, n))}">{esc(n.title)}</a></li>' for n in quick
            )
            + "</ul>"
        )
        s.blocks.append(
            '<h2>Nyheter</h2><ul class="news">'
            + "".join(
                f'<li><a href="{esc(self.href(s.host, n))}">{esc(n.title)}</a></li>'
                for n in self.news.children[:4]
            )
            + f'</ul><p><a href="{esc(self.href(s.host, self.news))}">Fler nyheter</a></p>'
        )

        # broken links, server errors, flaky pages
        leaves = [
            n for n in self.start.walk() if n.kind in ("leaf", "news") and n.host == self.addr
        ]
        if "broken_links" in self.f and leaves:
            dead_targets = [
                "/gamla-sidor/hemtjanst-2019",
                "/dokument/borttagen-broschyr.pdf",
                "/kampanj/sommar-2021",
                f"{self.query_script}?id=99999",
            ]
            victims = rng.sample(leaves, min(len(leaves), rng.randint(1, 3)))
            for node, t in zip(victims, rng.sample(dead_targets, len(victims)), strict=True):
                node.blocks.append(
                    f'<p>Läs mer i <a href="{esc(self.href_t(node.host, self.addr, t))}">den tidigare informationen</a>.</p>'
                )
                self.site.deliberate_broken.append(Ref(self.addr, t))
        if "server_error" in self.f and leaves:
            node = rng.choice(leaves)
            t = self.claim(
                self.addr,
                "/driftinformation/karta"
                if self.cms != "query"
                else f"{self.query_script}?id=99998",
            )
            self.site.pages[t] = Page(
                b"<html><body><h1>500 Internal Server Error</h1></body></html>",
                status=500,
                kind="error",
                title="Serverfel",
            )
            node.blocks.append(
                f'<p>Se aktuella störningar på <a href="{esc(self.href_t(node.host, self.addr, t))}">driftinformationskartan</a>.</p>'
            )
            self.site.deliberate_broken.append(Ref(self.addr, t))
        if "flaky" in self.f:
            cands = [self.carrier[i] for i in ITEMS if self.modes.get(i) == "html"] or [home]
            node = rng.choice(cands)
            node.fail_first = 1
            self.flaky.append(self.ref(node))

        # large page
        if "large_page" in self.f:
            self.large.blocks.append(self.large_table(int(self.params["large_page_bytes"])))

    def place_item(self, item: str, node: Node, mode: str) -> None:
        rng, truth = self.rng, self.truth[item]
        if item == "fee_calculator":
            self.place_calculator(node, mode)
            return
        if item == "e_application" and mode == "eservice":
            assert self.eservice is not None
            t = self.eservice_page("Ansökan om hemtjänst", self.application_form(), positive=item)
            body, _ = self.item_html(item)
            link = self.maybe_golink(node, self.eservice.host, t, "ansok-hemtjanst")
            node.blocks.append(
                body
                + f'<p><a class="button" href="{esc(link)}">Ansök om hemtjänst (e-tjänst)</a></p>'
            )
            truth.urls.append(Ref(self.eservice.host, t))
            truth.via.append(self.ref(node))
            return
        if item == "e_application":  # on-site form
            body, _ = self.item_html(item)
            html = body + self.application_form()
            node.blocks.append(self.js_block(node, html) if mode == "js" else html)
            truth.urls.append(self.ref(node))
            return
        if mode == "pdf":
            title = self.fmt(rng.choice(texts.PDF_TITLES[item]))
            t = self.pdf_target(node.host, title)
            body, text = self.item_html(item)
            heading, _, rest = text.partition("\n")
            filler = [self.fmt(s) for s in rng.sample(texts.HOME_CARE_INTRO, 2)] + rng.sample(
                texts.GENERIC_SENTENCES, 2
            )
            paras: list[str | tuple[str, str]] = [
                ("h", "Inledning"),
                *filler,
                ("h", heading),
                *rest.split("\n"),
            ]
            self.pages_of(node.host)[t] = self.pdf_page(
                title, paras, page_break_before=len(filler) + 1 if rng.random() < 0.5 else None
            )
            node.blocks.append(
                f'<h2>Dokument</h2><ul class="documents"><li><a href="{esc(self.href_t(node.host, node.host, t))}">'
                f"{esc(title)} (pdf, {rng.randint(80, 900)} kB)</a></li></ul>"
            )
            truth.urls.append(Ref(node.host, t))
            truth.via.append(self.ref(node))
            return
        if mode == "link":  # provider comparison: link to Äldreguiden
            body, _ = self.item_html(item)
            node.blocks.append(
                body
                + f'<p><a href="{ALDREGUIDEN}">Jämför hemtjänst i Äldreguiden (Socialstyrelsen)</a></p>'
            )
            truth.urls.append(self.ref(node))
            return
        body, _ = self.item_html(item)
        if item == "provider_choice":
            body += (
                "<ul>"
                + "".join(
                    f"<li>{esc(self.fmt(p))}</li>"
                    for p in rng.sample(texts.PROVIDERS, rng.randint(2, 5))
                )
                + "</ul>"
            )
        if item == "provider_comparison":  # own comparison table
            rows = "".join(
                f"<tr><td>{esc(self.fmt(p))}</td><td>{rng.randint(78, 97)} %</td><td>{rng.randint(8, 19)}</td><td>{rng.randint(70, 95)} %</td></tr>"
                for p in rng.sample(texts.PROVIDERS, 3)
            )
            body += (
                "<table><caption>Jämförelse av hemtjänstutförare</caption><tr><th>Utförare</th><th>Nöjda kunder</th>"
                "<th>Antal personal på 14 dagar</th><th>Bemötande</th></tr>" + rows + "</table>"
            )
        if item == "easy_read_or_languages" and rng.random() < 0.5:
            host = node.host
            links = []
            for label, lang, title, text in texts.LANG_PAGES:
                child = self.lang_page(node, lang, title, text)
                links.append(
                    f'<li><a href="{esc(self.href_t(host, host, child))}" lang="{lang}">{esc(label)}</a></li>'
                )
                truth.urls.append(Ref(host, child))
            body += "<ul>" + "".join(links) + "</ul>"
        if mode == "js":
            node.blocks.append(self.js_block(node, body))
        else:
            node.blocks.append(body)
        truth.urls.insert(0, self.ref(node))

    def place_calculator(self, node: Node, mode: str) -> None:
        truth = self.truth["fee_calculator"]
        body, _ = self.item_html("fee_calculator")
        if mode in ("eservice", "iframe"):
            assert self.eservice is not None
            t = self.eservice_page(
                "Avgiftskalkyl hemtjänst – beräkna din preliminära avgift",
                calculator_form("") + f"<script>{CALC_JS}</script>",
                positive="fee_calculator",
                calc=True,
            )
            truth.urls.append(Ref(self.eservice.host, t))
            truth.via.append(self.ref(node))
            if mode == "iframe":
                src = t + "?embedded=true"
                truth.urls.insert(0, Ref(self.eservice.host, src))
                node.blocks.append(
                    "<h2>Avgiftskalkyl</h2>"
                    f'<iframe src="{esc(abs_url(self.eservice.host, src))}" title="Avgiftskalkyl hemtjänst" width="100%" height="520"></iframe>'
                )
            else:
                link = self.maybe_golink(node, self.eservice.host, t, "avgiftskalkyl")
                node.blocks.append(
                    body + f'<p><a href="{esc(link)}">Till avgiftskalkylen (e-tjänst)</a></p>'
                )
            return
        form = calculator_form(node.target)
        node.body_end += f"<script>{CALC_JS}</script>"
        if mode == "js":
            node.blocks.append(self.js_block(node, body + form))
        else:
            node.blocks.append(body + form)
        truth.urls.append(self.ref(node))

    def maybe_golink(self, node: Node, host: str, target: str, name: str) -> str:
        """On redirect sites, link e-services through a go-link on the site (cross-host 302)."""
        if "redirects" in self.f and self.rng.random() < 0.6:
            go = self.claim(
                self.addr, f"/etjanst/{name}" if self.cms != "query" else f"/go.php?to={name}"
            )
            self.site.pages[go] = self.redirect_page(self.addr, abs_url(host, target), 302)
            self.site.redirects[Ref(self.addr, go)] = [abs_url(host, target)]
            return self.href_t(node.host, self.addr, go)
        return abs_url(host, target)

    def js_block(self, node: Node, inner_html: str) -> str:
        self.json_counter += 1
        div = f"wa-dyn-{self.json_counter}"
        if self.rng.random() < 0.5:
            api = self.claim(node.host, f"/rest-api/content/{self.rng.getrandbits(64):016x}")
            data = json.dumps({"html": inner_html}, ensure_ascii=False).encode("utf-8")
            self.pages_of(node.host)[api] = Page(
                data, "application/json; charset=utf-8", kind="json", charset="utf-8"
            )
            script = (
                f"<script>window.addEventListener('load',function(){{fetch('{api}').then(function(r){{return r.json();}})"
                f".then(function(d){{document.getElementById('{div}').innerHTML=d.html;}});}});</script>"
            )
        else:
            b64 = base64.b64encode(inner_html.encode("utf-8")).decode()
            script = (
                "<script>window.addEventListener('load',function(){setTimeout(function(){"
                f"var s=atob('{b64}');var u=new Uint8Array(s.length);for(var i=0;i<s.length;i++){{u[i]=s.charCodeAt(i);}}"
                f"document.getElementById('{div}').innerHTML=new TextDecoder('utf-8').decode(u);}},150);}});</script>"
            )
        node.body_end += script
        return f'<div id="{div}" class="dynamic-content"><p class="loading">Laddar…</p></div>'

    def lang_page(self, parent: Node, lang: str, title: str, text: str) -> str:
        host = parent.host
        if self.cms == "query":
            t = self.claim(host, f"{self.query_script}?id={self.rng.randint(10000, 19999)}")
        elif self.cms in ("episerver", "sv"):
            t = self.claim(host, parent.target.rstrip("/") + f"/{lang}/")
        else:
            t = self.claim(
                host,
                parent.target.rsplit(".", 1)[0] + f"-{lang}." + parent.target.rsplit(".", 1)[1],
            )
        html = (
            f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{esc(title)} - {esc(self.name)}</title></head>'
            f'<body><h1>{esc(title)}</h1><p>{esc(text)}</p><p><a href="{esc(self.href(host, parent))}">Svenska</a></p></body></html>'
        )
        self.pages_of(host)[t] = Page(html.encode("utf-8"), title=title, kind="page", text=text)
        return t

    def application_form(self) -> str:
        return (
            '<form class="e-tjanst" method="post" action="#"><p><button type="button">Logga in med BankID</button></p>'
            '<p><label for="pnr">Personnummer</label> <input id="pnr" name="pnr"></p>'
            '<p><label for="behov">Vad behöver du hjälp med?</label><br><textarea id="behov" name="behov" rows="4" cols="40"></textarea></p>'
            '<p><button type="submit">Skicka ansökan</button></p></form>'
        )

    def large_table(self, size: int) -> str:
        rng = random.Random(f"{self.web.seed}:{self.index}:large")
        kinds = [
            "Protokoll kommunstyrelsen",
            "Delegationsbeslut",
            "Skrivelse",
            "Motion",
            "Medborgarförslag",
            "Yttrande",
            "Avtal",
        ]
        rows = ["<table><tr><th>Diarienummer</th><th>Datum</th><th>Ärende</th></tr>"]
        n = 0
        total = 0
        while total < size:
            y = 2015 + n % 11
            r = f"<tr><td>KS {y}/{n % 997 + 1}</td><td>{y}-{n % 12 + 1:02d}-{n % 28 + 1:02d}</td><td>{kinds[rng.randrange(len(kinds))]} nr {n}</td></tr>"
            rows.append(r)
            total += len(r)
            n += 1
        rows.append("</table>")
        return "".join(rows)

    # -- extra pages -----------------------------------------------------------------------
    def redirect_page(self, host: str, location: str, status: int) -> Page:
        return Page(
            f'<html><body><p>Sidan har flyttat till <a href="{esc(location)}">{esc(location)}</a>.</p></body></html>'.encode(),
            "text/html; charset=utf-8",
            status=status,
            headers={"Location": location},
            kind="redirect",
        )

    def pdf_page(
        self,
        title: str,
        paragraphs: list[str | tuple[str, str]],
        page_break_before: int | None = None,
    ) -> Page:
        body = make_pdf(
            title, paragraphs, author=f"{self.name} kommun", page_break_before=page_break_before
        )
        fname = slugify(title) + ".pdf"
        text = title + "\n" + "\n".join(p[1] if isinstance(p, tuple) else p for p in paragraphs)
        return Page(
            body,
            "application/pdf",
            headers={"Content-Disposition": f'inline; filename="{fname}"'},
            charset=None,
            title=title,
            kind="pdf",
            text=text,
        )

    def simple_page(self, title: str, content: str) -> str:
        return (
            f'<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>{esc(title)}</title></head>'
            f"<body><h1>{esc(title)}</h1>{content}</body></html>"
        )

    def eservice_page(
        self, title: str, content: str, positive: str | None = None, calc: bool = False
    ) -> str:
        assert self.eservice is not None
        es = self.eservice
        if not es.pages:
            self.init_eservice()
        n = self.rng.randint(100, 999)
        t = self.claim(es.host, f"/oversikt/overview/{n}")
        intro = ""
        if positive:
            body, _ = self.item_html(positive)
            intro = body
        html = self.eservice_html(title, intro + content)
        es.pages[t] = Page(html, title=title, kind="eservice")
        if calc:
            es.dynamic[t] = "feecalc"
        self.es_services.append((title, t))
        es.pages["/oversikt"] = self.eservice_overview()
        return t

    def eservice_html(self, title: str, content: str) -> bytes:
        return (
            f'<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>{esc(title)} - E-tjänster {esc(self.name)} kommun</title></head>'
            f'<body><header><a href="/oversikt">E-tjänster – {esc(self.name)} kommun</a> <a href="#">Logga in</a></header>'
            f"<main><h1>{esc(title)}</h1>{content}</main><footer>Driftas av e-tjänsteplattformen.</footer></body></html>"
        ).encode()

    def init_eservice(self) -> None:
        assert self.eservice is not None
        es = self.eservice
        self.es_services: list[tuple[str, str]] = []
        es.pages["/"] = self.redirect_page(es.host, "/oversikt", 302)
        es.pages["/robots.txt"] = Page(
            b"User-agent: *\nDisallow: /api/\n", "text/plain; charset=utf-8", kind="robots"
        )
        self.claim(es.host, "/")
        self.claim(es.host, "/oversikt")
        for title in ["Ansökan om förskoleplats", "Ansökan om bygglov", "Felanmälan gata och park"]:
            n = self.rng.randint(100, 999)
            t = self.claim(es.host, f"/oversikt/overview/{n}")
            es.pages[t] = Page(
                self.eservice_html(title, "<p>Logga in med BankID för att starta e-tjänsten.</p>"),
                title=title,
                kind="eservice",
            )
            self.es_services.append((title, t))
        if self.rng.random() < 0.5:
            t = self.claim(es.host, f"/oversikt/overview/{self.rng.randint(100, 999)}")
            es.pages[t] = Page(
                self.eservice_html(
                    "Avgiftskalkyl förskola", childcare_form(t) + f"<script>{CHILDCARE_JS}</script>"
                ),
                title="Avgiftskalkyl förskola",
                kind="eservice",
            )
            self.es_services.append(("Avgiftskalkyl förskola", t))
            self.truth["fee_calculator"].near_miss.append(Ref(es.host, t))
        es.pages["/oversikt"] = self.eservice_overview()

    def eservice_overview(self) -> Page:
        items = "".join(
            f'<li><a href="{esc(t)}">{esc(title)}</a></li>' for title, t in self.es_services
        )
        return Page(
            self.eservice_html("Alla e-tjänster", f"<ul>{items}</ul>"),
            title="Alla e-tjänster",
            kind="eservice",
        )

    def not_found_page(self, host: str) -> Page:
        tpl = self.templates.get(host)
        if tpl is None:
            return Page(
                b"<!DOCTYPE html><html><body><h1>404 - Sidan finns inte</h1></body></html>",
                status=404,
                kind="error",
                title="404",
            )
        body = tpl.render(
            "Sidan kunde inte hittas",
            "<p>Sidan du söker finns inte. Den kan ha flyttats eller tagits bort.</p>",
        )
        return Page(
            body, tpl.content_type, status=404, charset=self.charset, kind="error", title="404"
        )

    def make_extras(self) -> None:
        rng, f, site = self.rng, self.f, self.site
        # redirect chains
        if "redirects" in f:
            for node, name in [(self.home, slugify(self.home.title))] + (
                [(c, slugify(c.title)) for c in self.home.children[:1]]
                if self.home.children
                else []
            ):
                hops = rng.choice([2, 3])
                if self.cms == "query":
                    chain = [
                        f"/{name}",
                        f"{self.query_script}?id={rng.randint(20000, 29999)}",
                        f"/gammal/{name}",
                    ][:hops]
                else:
                    chain = [f"/{name}", f"/aldreomsorg/{name}", f"/Gamla/{name}.aspx"][:hops]
                chain = [self.claim(node.host, c) for c in chain]
                locs = [*chain[1:], node.target]
                for _k, (c, loc) in enumerate(zip(chain, locs, strict=False)):
                    status = rng.choice([301, 302, 301, 307, 308])
                    location = abs_url(node.host, loc) if rng.random() < 0.4 else loc
                    self.pages_of(node.host)[c] = self.redirect_page(node.host, location, status)
                site.redirects[Ref(node.host, chain[0])] = locs
                node.link_target = chain[0]
        if "alias_host" in f:
            alias = self.new_host("alias", f"{self.slug}.se")
            alias.dynamic["*"] = "alias"
            alias.pages["/robots.txt"] = Page(
                b"User-agent: *\nDisallow:\n", "text/plain; charset=utf-8", kind="robots"
            )
            site.entry_host = alias.host
        # robots.txt
        lines: list[str] = []
        if "robots" in f or "crawl_delay" in f or "allow_in_disallow" in f:
            lines = ["User-agent: *"]
            if "allow_in_disallow" in f and len(self.chain) > 1:
                top, mid = self.chain[0], self.chain[1]
                top_dir = self.prefix_dir(top)
                lines.append(f"Disallow: {top_dir}/")
                lines.append(f"Allow: {self.prefix_dir(mid)}")
                for n in top.walk():
                    if n.target.startswith(top_dir + "/") and not n.target.startswith(
                        self.prefix_dir(mid)
                    ):
                        site.disallowed.append(self.ref(n))
            if "robots" in f:
                lines += ["Disallow: /intern/", "Disallow: /print"]
                if self.search_target and rng.random() < 0.5:
                    lines.append("Disallow: /sok")
                if "traps" in f and rng.random() < 0.5:
                    lines.append("Disallow: /kalender")
                if "traps" in f and rng.random() < 0.5:
                    lines.append("Disallow: /*?sid=")
                site.pages["/intern/"] = Page(
                    self.templates[self.addr].render(
                        "Intranät", "<p>Logga in för att komma åt intranätet.</p>"
                    ),
                    self.templates[self.addr].content_type,
                    charset=self.charset,
                    title="Intranät",
                    kind="page",
                )
                site.disallowed.append(Ref(self.addr, "/intern/"))
                if self.home.host == self.addr:
                    pt = (
                        "/print" + self.home.target
                        if self.cms != "query"
                        else "/print.php?" + self.home.target.split("?", 1)[1]
                    )
                    self.print_target = pt
                    site.disallowed.append(Ref(self.addr, pt))
            if "crawl_delay" in f:
                lines.append("Crawl-delay: 2")
            if "sitemap" in f:
                lines.append(f"Sitemap: {abs_url(self.addr, '/sitemap.xml')}")
            lines += ["", "User-agent: BadBot", "Disallow: /", ""]
        elif rng.random() < 0.5:
            lines = ["User-agent: *", "Disallow:", ""]
        if lines:
            text = "\n".join(lines)
            site.robots = text
            site.pages["/robots.txt"] = Page(
                text.encode(), "text/plain; charset=utf-8", kind="robots"
            )
        # traps
        if "traps" in f:
            site.dynamic["/kalender"] = "calendar"
        if self.search_target:
            site.dynamic["/sok"] = "search"

    def prefix_dir(self, node: Node) -> str:
        t = node.target
        if t.endswith("/"):
            return t[:-1]
        return t.rsplit(".", 1)[0]

    # -- rendering -------------------------------------------------------------------------
    def submenu(self, node: Node) -> str:
        if node.kind in ("start", "util", "news", "newslist", "az") or node.parent is None:
            return ""
        anchor = node if node.children else node.parent
        if anchor is self.start:
            return ""
        items = []
        for c in anchor.children:
            if not c.in_menu:
                continue
            cls = ' class="current"' if c is node else ""
            sub = ""
            if c is node and c.children and c is not anchor:
                sub = (
                    "<ul>"
                    + "".join(
                        f'<li><a href="{esc(self.href(node.host, g))}">{esc(g.title)}</a></li>'
                        for g in c.children
                    )
                    + "</ul>"
                )
            items.append(
                f'<li{cls}><a href="{esc(self.href(node.host, c))}">{esc(c.title)}</a>{sub}</li>'
            )
        return f'<nav class="sub-menu" aria-label="Undermeny"><h2><a href="{esc(self.href(node.host, anchor))}">{esc(anchor.title)}</a></h2><ul>{"".join(items)}</ul></nav>'

    def render_nodes(self) -> None:
        f = self.f
        all_nodes = list(self.start.walk())
        # lists of children on section-like pages
        for node in all_nodes:
            if node.kind in ("section", "care", "newslist") and node.children:
                node.blocks.append(
                    '<ul class="cards">'
                    + "".join(
                        f'<li><a href="{esc(self.href(node.host, c))}">{esc(c.title)}</a></li>'
                        for c in node.children
                        if c.in_menu
                    )
                    + "</ul>"
                )
            if node is self.home and self.print_target:
                node.blocks.append(
                    f'<p class="print"><a href="{esc(self.print_target)}" rel="nofollow">Skriv ut sidan</a></p>'
                )
            if node.kind in ("home", "item") and not self.items["contact_info"]:
                node.blocks.append(
                    f'<div class="contact-box"><h2>Kontakt</h2><p>Kommunens växel: {esc(self.vars["vaxel"])}</p></div>'
                )
                self.truth["contact_info"].near_miss.append(self.ref(node))
        if self.az_node is not None:
            entries = sorted(
                (n for n in all_nodes if n.kind not in ("start", "az")),
                key=lambda n: n.title.lower(),
            )
            groups: dict[str, list[Node]] = {}
            for n in entries:
                groups.setdefault(n.title[:1].upper(), []).append(n)
            self.az_node.blocks.append(
                "".join(
                    f"<h2>{esc(k)}</h2><ul>"
                    + "".join(
                        f'<li><a href="{esc(self.href(self.addr, n, canonical=True))}">{esc(n.title)}</a></li>'
                        for n in v
                    )
                    + "</ul>"
                    for k, v in groups.items()
                )
            )
        search_index = []
        for node in all_nodes:
            tpl = self.templates[node.host]
            crumbs = [
                (a.title if a is not self.start else "Start", self.href(node.host, a))
                for a in node.ancestors()
            ]
            content = "\n".join(node.blocks)
            if node.kind != "start":
                content += f'\n<p class="updated">Senast uppdaterad: 2025-0{self.rng.randint(1, 7)}-{self.rng.randint(10, 28)}</p>'
            body = tpl.render(
                node.title,
                content,
                h1=f"Välkommen till {self.name} kommun" if node.kind == "start" else None,
                breadcrumbs=crumbs if node.kind != "start" else None,
                submenu=self.submenu(node),
                head_extra=node.head_extra,
                body_end=node.body_end,
                active=node.ancestors()[1].title
                if len(node.ancestors()) > 1
                else (node.title if node.parent is self.start else None),
            )
            text = _strip_tags(content)
            page = Page(
                body,
                tpl.content_type,
                charset=self.charset,
                title=node.title,
                kind=node.kind,
                fail_first=node.fail_first,
                text=text,
            )
            self.pages_of(node.host)[node.target] = page
            if node.host == self.addr:
                search_index.append(
                    (self.href(self.addr, node, canonical=True), node.title, text.lower())
                )
        self.site.search_index = search_index
        # print version of the home-care page (disallowed by robots.txt)
        if self.print_target:
            home_page = self.site.pages[self.home.target]
            self.site.pages[self.print_target] = Page(
                encode(
                    f"<!DOCTYPE html><html><head><title>Utskrift: {esc(self.home.title)}</title></head><body>{chr(10).join(self.home.blocks)}</body></html>",
                    self.charset,
                ),
                home_page.content_type,
                charset=self.charset,
                title="Utskrift",
                kind="print",
            )
        # sitemap
        if "sitemap" in f:
            urls = [n for n in all_nodes if n.host == self.addr]
            xml = [
                '<?xml version="1.0" encoding="UTF-8"?>',
                '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
            ]
            for n in urls:
                xml.append(
                    f"<url><loc>{esc(abs_url(self.addr, n.target))}</loc><lastmod>2025-06-{self.rng.randint(10, 28)}</lastmod></url>"
                )
            xml.append("</urlset>\n")
            self.site.pages["/sitemap.xml"] = Page(
                "\n".join(xml).encode(), "application/xml; charset=utf-8", kind="sitemap"
            )
        self.site.not_found = self.not_found_page(self.addr)

    def finish_truth(self) -> None:
        site = self.site
        site.truth = self.truth
        site.home_care = [self.ref(self.home)]
        care = [self.home] + [c for c in self.home.walk() if c is not self.home]
        care += [n for n in dict.fromkeys(self.carrier.values()) if n not in care]
        care.sort(key=lambda n: (n is not self.home, n.host, n.target))
        site.care_pages = [self.ref(n) for n in care]
        site.flaky = self.flaky
        for t in self.truth.values():
            t.near_miss = list(dict.fromkeys(t.near_miss))


def _strip_tags(html_text: str) -> str:
    import re

    text = re.sub(r"<script.*?</script>", " ", html_text, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    import html as _h

    return re.sub(r"\s+", " ", _h.unescape(text)).strip()
