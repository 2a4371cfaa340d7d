"""Regenerate this folder from ``tests/data/fixtures`` (needs LibreOffice and poppler-utils).

Not run by the tests, which read the committed files; see README.md for the whole procedure.
``prepare`` copies the fixtures to a work folder with two variants (A5 documents, workbooks
with wider columns printed to the page width); ``extract`` turns LibreOffice's conversions
into the committed text files.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from lxml import html as lhtml

WORK = Path("/tmp/txtreader")
HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures"
BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "table", "br", "title", "ol", "ul"}
#: Copies in other encodings: Windows tools save GB18030 (GBK) and UTF-16.
ENCODED = (
    ("001_6936dc3b40e04b6e.soffice", "gb18030", "gb18030"),
    ("000_a95088fcdc73276f.pdf-layout", "gb18030", "gb18030"),
    ("002_3c9d37f73f8f4a79.html", "utf16", "utf-16"),  # with a byte-order mark
    ("004_402c59144089559f.pdf-layout", "utf16le", "utf-16-le"),  # without one
)


def _pdftotext(pdf: Path, dest: Path, *flags: str) -> None:
    subprocess.run(["pdftotext", "-enc", "UTF-8", *flags, str(pdf), str(dest)], check=True)


def _ws(text: str) -> str:
    # A browser renders any run of white space in the page source as one space.
    return re.sub(r"[ \t\r\n]+", " ", text)


def html_text(path: Path, sep: str) -> str:
    """Text as a browser copies it: blocks on their own lines, a row's cells joined by sep."""
    root = lhtml.fromstring(path.read_bytes())
    for bad in root.xpath("//style|//script|//head"):
        bad.getparent().remove(bad)
    parts: list[str] = []

    def walk(element: lhtml.HtmlElement) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "tr":
            cells = [_ws(td.text_content()).strip() for td in element if td.tag in ("td", "th")]
            parts.append("\n" + sep.join(cells) + "\n")
            return
        if tag in BLOCK:
            parts.append("\n")
        if element.text:
            parts.append(_ws(element.text))
        for child in element:
            walk(child)
            if child.tail:
                parts.append(_ws(child.tail))
        if tag in BLOCK:
            parts.append("\n")

    walk(root)
    lines = [line.strip(" ") for line in "".join(parts).replace("\xa0", " ").split("\n")]
    return "\n".join(line for line in lines if line.strip()) + "\n"


def _rewrite(source: Path, dest: Path, member: str, change: object) -> None:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as out:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if re.fullmatch(member, info.filename):
                data = change(data.decode()).encode()  # type: ignore[operator]
            out.writestr(info, data)


def _a5(xml: str) -> str:
    # A5 with wide margins: long row labels wrap over two or three lines.
    xml = re.sub(r"<w:pgSz [^>]*/>", '<w:pgSz w:w="8391" w:h="11906"/>', xml)
    margin = 'w:top="1134" w:right="1134" w:bottom="1134" w:left="1134"'
    return re.sub(r"<w:pgMar [^>]*/>", f'<w:pgMar {margin} w:header="0" w:footer="0"/>', xml)


def _wide(xml: str) -> str:
    # Columns wide enough that Calc prints numbers whole, and the sheet fit to the page width.
    xml = re.sub(r'width="([\d.]+)"', lambda m: f'width="{max(float(m[1]) * 1.5, 10):.2f}"', xml)
    return xml.replace('fitToPage="false"', 'fitToPage="true"').replace(
        'fitToHeight="1"', 'fitToHeight="0"'
    )


def prepare() -> None:
    """Copy the fixtures to the work folder, with the A5 and wide-column variants."""
    for sub in ("a5", "xl"):
        (WORK / sub).mkdir(parents=True, exist_ok=True)
    for docx in sorted(FIXTURES.glob("*.docx")):
        shutil.copy(docx, WORK / docx.name)
        _rewrite(docx, WORK / "a5" / docx.name, "word/document.xml", _a5)
    for xlsx in sorted(FIXTURES.glob("*.xlsx")):
        _rewrite(xlsx, WORK / "xl" / xlsx.name, r"xl/worksheets/sheet\d+\.xml", _wide)


def extract() -> None:
    """Write every variant of every fixture into this folder."""
    for docx in sorted(WORK.glob("*.docx")):
        stem = docx.stem
        pdf = WORK / f"{stem}.pdf"
        _pdftotext(pdf, HERE / f"{stem}.pdf.txt")
        _pdftotext(pdf, HERE / f"{stem}.pdf-layout.txt", "-layout")
        _pdftotext(pdf, HERE / f"{stem}.pdf-raw.txt", "-raw")
        _pdftotext(WORK / "a5" / f"{stem}.pdf", HERE / f"{stem}.a5.txt")
        _pdftotext(WORK / "a5" / f"{stem}.pdf", HERE / f"{stem}.a5-layout.txt", "-layout")
        sheet = WORK / "xl" / f"{stem}.pdf"
        if sheet.exists():
            _pdftotext(sheet, HERE / f"{stem}.xlsx-pdf.txt")
            _pdftotext(sheet, HERE / f"{stem}.xlsx-pdf-layout.txt", "-layout")
        page = WORK / f"{stem}.html"
        (HERE / f"{stem}.html.txt").write_text(html_text(page, "\t"), encoding="utf-8")
        (HERE / f"{stem}.html-nosep.txt").write_text(html_text(page, ""), encoding="utf-8")
        shutil.copy(WORK / f"{stem}.txt", HERE / f"{stem}.soffice.txt")
    for name, suffix, codec in ENCODED:
        text = (HERE / f"{name}.txt").read_text(encoding="utf-8")
        (HERE / f"{name}.{suffix}.txt").write_bytes(text.encode(codec))


if __name__ == "__main__":
    {"prepare": prepare, "extract": extract}[sys.argv[1]]()
