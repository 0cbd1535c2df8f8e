"""Link check of a built site: every link and anchor in the HTML resolves to a file.

Run on every build. For the offline bundle it also enforces what file:// needs: no link
may end in `/` (a browser shows a folder listing, not the page), and nothing may be
loaded from the network.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from generator.forked import forked_map

# (tag, attribute) pairs whose URL the browser follows or loads.
FOLLOWED = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"),
            ("iframe", "src"), ("source", "src"), ("video", "src"), ("audio", "src")}
# <link rel=…> values that name a page rather than load it.
NOT_LOADED = {"canonical", "alternate", "prev", "next"}
IGNORED_SCHEMES = {"mailto", "tel", "javascript", "data"}


# A start tag and its attributes, read with regular expressions rather than html.parser:
# the same answers on what MkDocs writes, in a fraction of the time (the check reads every
# page of the site on every build). Quoted values may hold ">"; comments are skipped, and of
# a script or a style only its opening tag counts (a script's src), not what its body prints.
TAG = re.compile(r"""<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=/>"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"'=<`]+))?)*)\s*/?>""")
ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"'=<`]+)))?""")
HIDDEN = re.compile(r"<!--.*?-->|(<script\b[^>]*>).*?</script\s*>|<style\b[^>]*>.*?</style\s*>", re.S | re.I)


class _Page:
    def __init__(self, text: str):
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str, str]] = []  # (tag, url, rel)
        for match in TAG.finditer(HIDDEN.sub(lambda m: m.group(1) or "", text)):
            tag, rest = match.group(1).lower(), match.group(2)
            if not rest:
                continue
            attrs = {}
            for name, double, single, bare in ATTRIBUTE.findall(rest):
                attrs.setdefault(name.lower(), html.unescape(double or single or bare))
            for name in ("id", "name") if tag == "a" else ("id",):
                if attrs.get(name):
                    self.ids.add(attrs[name])
            for attr in ("href", "src"):
                if (tag, attr) in FOLLOWED and attr in attrs:
                    self.refs.append((tag, attrs[attr], attrs.get("rel") or ""))


@dataclass
class LinkReport:
    pages: int = 0
    links: int = 0
    external: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)


FORK_FROM = 400  # pages before reading them on every core pays for the forks


def parse_pages(site: Path) -> dict[str, _Page]:
    """Every page's ids and links (on every core for a large site: each page is read alone)."""
    paths = sorted(site.rglob("*.html"))
    parsed = forked_map(_parse, paths, least=FORK_FROM, share=32)
    return {path.relative_to(site).as_posix(): page for path, page in zip(paths, parsed, strict=True)}


def _parse(path: Path) -> _Page:
    return _Page(path.read_text(encoding="utf-8"))


def check_site(site: Path, *, offline: bool, base_path: str = "/") -> LinkReport:
    """Check every page under `site`. `base_path` is the URL path the site is served
    from (site_url's path), for the absolute links MkDocs writes on its 404 page."""
    pages = parse_pages(site)
    report = LinkReport(pages=len(pages))
    tree = _Tree(site)
    for name, page in pages.items():
        for tag, url, rel in page.refs:
            report.links += 1
            parts = urlsplit(url)
            if parts.scheme in IGNORED_SCHEMES:
                continue
            if parts.scheme or parts.netloc:
                problem = check_external(tag, rel, offline)
                report.external.add(url)
            else:
                problem = check_local(tree, pages, name, parts, offline, base_path)
            if problem:
                report.problems.append(f"{name}: <{tag}> {url}: {problem}")
    return report


def check_external(tag: str, rel: str, offline: bool) -> str:
    loads = tag != "a" and not (tag == "link" and set(rel.split()) & NOT_LOADED)
    return "loads from the network" if loads and offline else ""


class _Tree:
    """The site's files and folders, listed once (a build checks hundreds of thousands of
    links; asking the disk about each took a third of the check)."""

    def __init__(self, site: Path):
        self.files, self.folders = set(), {"."}
        for path in site.rglob("*"):
            relative = path.relative_to(site).as_posix()
            (self.folders if path.is_dir() else self.files).add(relative)

    def is_dir(self, target: str) -> bool:
        return posixpath.normpath(target) in self.folders

    def is_file(self, target: str) -> bool:
        return posixpath.normpath(target) in self.files


def check_local(tree: _Tree, pages: dict[str, _Page], name: str, parts, offline: bool,
                base_path: str) -> str:
    """A link within the site, from page `name`: the file it names, and the anchor in it."""
    path = unquote(parts.path)
    if path.startswith("/"):
        if offline:
            return "absolute path: from file:// it points at the root of the disk"
        if not path.startswith(base_path):
            return f"absolute path outside the site's base {base_path}"
        target = path[len(base_path):]
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(name), path)) if path else name
    if target.startswith("../") or target == "..":
        return "points outside the site"
    if offline and (path.endswith("/") or path in (".", "..")):
        return "ends in a folder: from file:// a browser shows a listing, not the page"
    if tree.is_dir(target):
        if offline:
            return "is a folder: from file:// a browser shows a listing, not the page"
        target = posixpath.join(target, "index.html").removeprefix("./")
    if not tree.is_file(target):
        return "no such file"
    anchor = unquote(parts.fragment)
    if anchor and target in pages and anchor not in pages[target].ids:
        return f"no element with id {anchor!r}"
    return ""
