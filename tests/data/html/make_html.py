"""Make the HTML test pages of this directory (run once; the test suite does not need the tools).

Usage: ``python tests/data/html/make_html.py`` from the repository root, with LibreOffice's
``soffice`` on the PATH (7.4 made the committed files).

* ``<stem>.soffice.html``: each DOCX fixture saved by LibreOffice Writer as HTML (the "HTML
  (StarWriter)" filter; ``--convert-to html`` picks it, so there is one file per fixture);
* ``<stem>.xhtml``: the same through the "XHTML Writer File" filter (an ``<?xml`` prolog, a
  namespace, one ``<p>`` per cell paragraph), for seeds 000 and 004;
* ``pingtan_2021.page.html``: the real page of ../../../../shared/real (when present), with its
  scripts, style sheets and ``style`` attributes removed to keep it small; every element, class,
  text node, ``rowspan`` and ``colspan`` is as published.

To keep the files small, ``style``, ``width`` and font attributes and the ``<style>`` block are
removed from the LibreOffice pages too (the reader never looks at them; the Word-like pages of
the tests carry such markup in full, see tests/reading/html/_pages.py).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures"
REAL = Path("/work/shared/real/pingtan_2021.page.html")

_ATTRIBUTES = re.compile(
    r"""\s(?:style|width|height|face|lang|dir|cellpadding|cellspacing|bgcolor|valign|align|"""
    r"""text|link|vlink|sdval|sdnum)=(?:"[^"]*"|'[^']*')""",
    re.IGNORECASE,
)
_STYLE = re.compile(r"<style\b.*?</style>", re.IGNORECASE | re.DOTALL)
_SCRIPT = re.compile(r"<script\b.*?</script>", re.IGNORECASE | re.DOTALL)
_LINKS = re.compile(r"<link\b[^>]*>", re.IGNORECASE)


def slim(markup: str, *, scripts: bool = False) -> str:
    """``markup`` without the presentation the reader never uses."""
    markup = _STYLE.sub("", markup)
    markup = _LINKS.sub("", markup)
    if scripts:
        markup = _SCRIPT.sub("", markup)
    return _ATTRIBUTES.sub("", markup)


def convert(source: Path, target: str, out: Path) -> None:
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{work}/profile",  # not the user's, which may be busy
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                f"{work}/out",
                str(source),
            ],
            check=True,
            capture_output=True,
        )
        (made,) = Path(work, "out").iterdir()
        out.write_text(slim(made.read_text(encoding="utf-8")), encoding="utf-8")


def main() -> None:
    if shutil.which("soffice") is None:
        raise SystemExit("soffice (LibreOffice) is needed to make these files")
    for docx in sorted(FIXTURES.glob("*.docx")):
        convert(docx, "html", HERE / f"{docx.stem}.soffice.html")
        if docx.stem[:3] in ("000", "004"):
            convert(docx, "xhtml:XHTML Writer File", HERE / f"{docx.stem}.xhtml")
    if REAL.exists():
        page = slim(REAL.read_text(encoding="utf-8"), scripts=True)
        (HERE / REAL.name).write_text(page, encoding="utf-8")


if __name__ == "__main__":
    main()
