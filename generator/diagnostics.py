"""Two error channels: diagnostics for noisy report text, exceptions for broken setup.

Noisy text never raises: it yields a Diagnostic that the CLI prints and the data-quality
page shows. Broken setup (unreadable file, invalid errata, duplicate report) raises a
GeneratorError whose one-line message says what is wrong and what to do.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Diagnostic:
    """A problem in a report's text that the build survives."""

    code: str  # stable code, e.g. "W101"
    name: str  # short slug, e.g. "number-split"
    file: str
    line: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        hint = f" ({self.hint})" if self.hint else ""
        return f"{self.file}:{self.line}: warning {self.code} {self.name}: {self.message}{hint}"


class GeneratorError(Exception):
    """A fatal problem: one clear line (file, line, what is wrong, what to do)."""

    def __init__(self, message: str, *, file: str = "", line: int = 0, hint: str = ""):
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.hint = hint

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}: " if self.file and self.line else (
            f"{self.file}: " if self.file else "")
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}error: {self.message}{hint}"


class InputError(GeneratorError):
    """A report or its sidecar files cannot be used as they are."""


class LostTextError(GeneratorError):
    """A stage would drop text of a report: the build must not go on."""


class SiteError(GeneratorError):
    """MkDocs could not build the site from the generated pages."""
