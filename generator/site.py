"""Site: MkDocs (Material) turns the generated pages into the static site."""

from __future__ import annotations

import logging
import os
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
