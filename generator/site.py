"""Site: MkDocs (Material) turns the generated pages into the static site.

A large site's pages are built on every core: MkDocs' own two steps for a page (its Markdown
to HTML, then the theme's template around it) run on forked copies of the build for most
pages, chunk by chunk, while this process does its share in order. What a page's steps
leave behind (its HTML, table of contents, anchors; its messages; its search text) comes
back and is taken in page order, so the site is byte for byte the one a single process builds,
and a page that fails is built again here, where MkDocs reports it as it always does.
"""

from __future__ import annotations

import gc
import logging
import os
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing import get_context
from pathlib import Path

from generator.diagnostics import SiteError


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def build_site(config_file: Path, docs: Path, site: Path, epoch: int,
               site_url: str | None = None) -> tuple[list[str], str]:
    """Build `site` from `docs`; return MkDocs' warnings and the site_url it used; raise
    SiteError if it aborts.

    `epoch` (seconds) stands in for "now" in the sitemap, so the same input gives
    byte-identical output (MkDocs reads SOURCE_DATE_EPOCH). `site_url`, if given,
    overrides the configuration's.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    previous_epoch = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        overrides = {} if site_url is None else {"site_url": site_url}
        # absolute: MkDocs reads relative paths from the configuration file's folder
        config = load_config(config_file=str(config_file), docs_dir=str(docs.resolve()),
                             site_dir=str(site.resolve()), **overrides)
        with pages_on_every_core():
            build(config)
    except MkDocsException as err:
        first = handler.messages[0] if handler.messages else str(err)
        raise SiteError(f"MkDocs could not build the site: {first}",
                        file=str(config_file),
                        hint=f"{len(handler.messages)} warning(s); run with --debug for all") from err
    finally:
        logger.removeHandler(handler)
        if previous_epoch is None:  # leave the process's environment as it was
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous_epoch
    return handler.messages, config["site_url"] or ""


POOL_FROM = 150  # pages: below this, forking costs more than it saves
CHUNK = 8  # pages a forked process takes at a time
_job: dict = {}  # what the forked processes read: the step, its pages and its arguments
FORKED: dict[str, int] = {}  # the last build's pages, by step, that forked processes made


class _Records(logging.Handler):
    """MkDocs' messages on a forked process, to be logged again, in page order, here."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record):
        self.records.append((record.name, record.levelno, record.getMessage()))


def _on_fork(chunk: list[int]) -> list:
    """One chunk of pages through the step, on a forked process: each page's result; None
    from the first page that fails on (it and the rest of the chunk are built at home)."""
    from generator import search

    logger = logging.getLogger("mkdocs")
    records = _Records()
    logger.handlers, logger.propagate = [records], False  # this process's copy of the logger
    out: list = []
    for n in chunk:
        page = _job["pages"][n]
        records.records = []
        try:
            if _job["step"] == "populate":
                _job["original"](page, *_job["args"])
                links = {f.src_uri: anchors for f, anchors in (page.links_to_anchors or {}).items()}
                out.append((records.records, (page.markdown, page.meta, page.content, page.toc,
                                              page._title_from_render, page.present_anchor_ids, links)))
            else:
                index = search.BUILDING
                if index is not None:
                    index.pages, index.seconds = {}, 0.0
                _job["original"](page, *_job["args"], excluded=page.file.inclusion.is_excluded())
                out.append((records.records, index and (index.pages, index.seconds)))
        except Exception:
            out.extend([None] * (len(chunk) - len(out)))
            break
    return out


class _Pool:
    """One step for every page: chunks handed to forked processes, the others done here as
    MkDocs comes to them; results taken in page order."""

    def __init__(self, step: str, original, pages: list, args: tuple, workers: int):
        _job.update(step=step, original=original, pages=pages, args=args)
        self.step, self.original, self.args = step, original, args
        self.position = {id(page): n for n, page in enumerate(pages)}
        gc.freeze()  # see generator/forked.py: the copies share this process's memory as long as they can
        self.executor = ProcessPoolExecutor(max_workers=workers, mp_context=get_context("fork"))
        self.futures: dict[int, tuple] = {}
        for number, start in enumerate(range(0, len(pages), CHUNK)):
            if number % (workers + 1):  # one chunk in every workers + 1 stays here
                chunk = list(range(start, min(start + CHUNK, len(pages))))
                future = self.executor.submit(_on_fork, chunk)
                self.futures.update({n: (future, i) for i, n in enumerate(chunk)})

    def take(self, page) -> bool:
        """Take what a forked process made of `page`; False if the page is to be built here."""
        n = self.position.get(id(page))
        if n not in self.futures:
            return False
        future, i = self.futures.pop(n)
        try:
            result = future.result()[i]
        except Exception:  # a process that died: its pages are built here
            return False
        if result is None:
            return False
        records, made = result
        FORKED[self.step] = FORKED.get(self.step, 0) + 1
        for name, level, message in records:
            logging.getLogger(name).log(level, message)
        if self.step == "populate":
            (page.markdown, page.meta, page.content, page.toc, page._title_from_render,
             page.present_anchor_ids, links) = made
            files = self.args[1]
            page.links_to_anchors = {files.get_file_from_path(uri): anchors for uri, anchors in links.items()}
        elif made is not None:
            from generator import search

            built, seconds = made
            search.BUILDING.pages.update(built)
            search.BUILDING.seconds += seconds
        return True

    def close(self):
        self.executor.shutdown(wait=True, cancel_futures=True)
        gc.unfreeze()


@contextmanager
def pages_on_every_core(workers: int | None = None):
    """While MkDocs builds: its two page steps on forked copies of this process as well as here."""
    import mkdocs.commands.build as mk
    from mkdocs.structure.files import InclusionLevel
    from mkdocs.structure.pages import Page

    from generator import forked

    workers = forked.workers() if workers is None else workers
    populate, build_page = mk._populate_page, mk._build_page
    pools: dict[str, _Pool | None] = {}
    FORKED.clear()

    def pool_for(step: str, original, pages_of, args: tuple) -> _Pool | None:
        """The step's pool, made at its first page (None for a small site): `pages_of()` lists
        the documentation files the step goes through."""
        if step not in pools:
            pools[step] = None
            if workers >= 1 and len(docs := pages_of()) >= POOL_FROM:
                for file in docs:  # as MkDocs' loop does before populating: a page for a file not in the nav
                    if file.page is None and file.inclusion.is_not_in_nav():
                        Page(None, file, args[0])
                pools[step] = _Pool(step, original, [f.page for f in docs], args, workers)
        return pools[step]

    def populate_page(page, config, files, dirty=False):
        pool = pool_for("populate", populate, lambda: files.documentation_pages(inclusion=InclusionLevel.is_included),
                        (config, files, dirty))
        if not (pool and pool.take(page)):
            populate(page, config, files, dirty)

    def build_one(page, config, doc_files, nav, env, dirty=False, excluded=False):
        pool = pool_for("build", build_page, lambda: doc_files, (config, doc_files, nav, env, dirty))
        if not (pool and pool.take(page)):
            build_page(page, config, doc_files, nav, env, dirty, excluded=excluded)

    mk._populate_page, mk._build_page = populate_page, build_one
    try:
        yield
    finally:
        mk._populate_page, mk._build_page = populate, build_page
        for pool in pools.values():
            if pool:
                pool.close()
