"""A small DOCX writer for tests: every structure the DOCX front end must read, on demand.

Each helper returns lxml elements (or lists of them) in the ``w:`` namespace; :func:`package`
zips a body into a minimal valid ``.docx``. Nothing here knows about reports: see
``_layouts.py`` for reports drawn as documents.
"""

from __future__ import annotations

import copy
import io
import itertools
import zipfile
from collections.abc import Iterable, Sequence

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
V = "urn:schemas-microsoft-com:vml"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
NSMAP = {"w": W, "mc": MC, "wp": WP, "a": A, "wps": WPS, "v": V}

Inline = etree._Element | str


def w(local: str) -> str:
    """The Clark name of ``w:local``."""
    return f"{{{W}}}{local}"


def el(tag: str, *children: etree._Element, **attributes: str) -> etree._Element:
    """An element ``tag`` (``w:`` unless it has a namespace) with ``w:`` attributes."""
    element = etree.Element(tag if tag.startswith("{") else w(tag))
    for name, value in attributes.items():
        element.set(name if name.startswith("{") else w(name), value)
    element.extend(children)
    return element


def prop(name: str, value: str | None = None) -> etree._Element:
    """A property element such as ``<w:gridSpan w:val="3"/>``."""
    return el(name) if value is None else el(name, val=value)


# Run-level content.


def t(text: str) -> etree._Element:
    """``w:t`` keeping its spaces."""
    element = el("t")
    element.text = text
    element.set(XML_SPACE, "preserve")
    return element


def r(*content: Inline) -> etree._Element:
    """A run; strings become ``w:t``."""
    return el("r", el("rPr"), *(t(c) if isinstance(c, str) else c for c in content))


def split_runs(text: str, cuts: Iterable[int]) -> list[etree._Element]:
    """``text`` as runs cut at the given offsets (a number may end up over several runs)."""
    points = sorted({c for c in cuts if 0 < c < len(text)})
    bounds = [0, *points, len(text)]
    return [r(text[a:b]) for a, b in itertools.pairwise(bounds) if b > a]


def inserted(*runs: etree._Element) -> etree._Element:
    """Runs in a tracked insertion."""
    return el("ins", *runs, id="1", author="t", date="2024-01-01T00:00:00Z")


def deleted(text: str) -> etree._Element:
    """A tracked deletion of ``text`` (``w:delText``, as Word writes it)."""
    gone = el("delText")
    gone.text = text
    return el("del", el("r", gone), id="2", author="t", date="2024-01-01T00:00:00Z")


def deleted_with_t(text: str) -> etree._Element:
    """A malformed tracked deletion whose run uses ``w:t``: still not text."""
    return el("del", r(text), id="3", author="t")


def moved_from(text: str) -> etree._Element:
    """The source of a tracked move: not text."""
    return el("moveFrom", r(text), id="4", author="t")


def field(instruction: str, result: str) -> list[etree._Element]:
    """A complex field: begin, instruction, separate, result, end (five runs)."""
    instr = el("instrText")
    instr.text = instruction
    return [
        el("r", el("fldChar", fldCharType="begin")),
        el("r", instr),
        el("r", el("fldChar", fldCharType="separate")),
        r(result),
        el("r", el("fldChar", fldCharType="end")),
    ]


def simple_field(instruction: str, result: str) -> etree._Element:
    """A ``w:fldSimple``: its runs are the result."""
    return el("fldSimple", r(result), instr=instruction)


def tab() -> etree._Element:
    """A tab character in a run."""
    return r(el("tab"))


def br() -> etree._Element:
    """A line break in a run."""
    return r(el("br"))


def cr() -> etree._Element:
    """A carriage return in a run."""
    return r(el("cr"))


def no_break_hyphen() -> etree._Element:
    """A non-breaking hyphen."""
    return r(el("noBreakHyphen"))


def soft_hyphen() -> etree._Element:
    """An optional hyphen (not shown mid-line)."""
    return r(el("softHyphen"))


def sym(code: str, font: str = "Symbol") -> etree._Element:
    """A ``w:sym`` character given by hex code."""
    return r(el("sym", font=font, char=code))


def ruby(base: str, guide: str) -> etree._Element:
    """A run holding ``base`` text with a pronunciation guide (pinyin) over it."""
    return el("r", el("ruby", el("rubyPr"), el("rt", r(guide)), el("rubyBase", r(base))))


def hyperlink(*runs: etree._Element) -> etree._Element:
    """Runs inside a hyperlink."""
    return el("hyperlink", *runs)


def inline_sdt(*runs: etree._Element, placeholder: bool = False) -> etree._Element:
    """Runs inside an inline content control (still showing its placeholder, if so)."""
    props = el("sdtPr", el("alias", val="c"))
    if placeholder:
        props.append(el("showingPlcHdr"))
    return el("sdt", props, el("sdtContent", *runs))


def hidden(text: str, value: str | None = None) -> etree._Element:
    """A run of hidden text (``w:vanish``, with ``w:val`` if given)."""
    vanish = el("vanish") if value is None else el("vanish", val=value)
    return el("r", el("rPr", vanish), t(text))


def text_box(*blocks: etree._Element, alternate: bool = True) -> etree._Element:
    """A run holding a text box with ``blocks``, as Word writes it.

    With ``alternate``, the DrawingML box and its VML fallback both hold the content (in
    ``mc:AlternateContent``); otherwise only a VML box.
    """

    def vml() -> etree._Element:
        box = el("txbxContent", *(copy.deepcopy(b) for b in blocks))
        return el("pict", el(f"{{{V}}}shape", el(f"{{{V}}}textbox", box)))

    if not alternate:
        return el("r", vml())
    box = el("txbxContent", *(copy.deepcopy(b) for b in blocks))
    drawing = el(
        "drawing",
        el(
            f"{{{WP}}}anchor",
            el(f"{{{WP}}}docPr", id="1", name="Text Box 1"),
            el(
                f"{{{A}}}graphic",
                el(f"{{{A}}}graphicData", el(f"{{{WPS}}}wsp", el(f"{{{WPS}}}txbx", box))),
            ),
        ),
    )
    choice = el(f"{{{MC}}}Choice", drawing, Requires="wps")
    fallback = el(f"{{{MC}}}Fallback", vml())
    return el("r", el(f"{{{MC}}}AlternateContent", choice, fallback))


# Blocks.


def p(*content: Inline | Sequence[etree._Element]) -> etree._Element:
    """A paragraph; strings become runs, lists are spliced in."""
    paragraph = el("p", el("pPr", el("tabs", el("tab", val="left", pos="720"))))
    for item in content:
        if isinstance(item, str):
            paragraph.append(r(item))
        elif isinstance(item, etree._Element):
            paragraph.append(item)
        else:
            paragraph.extend(item)
    return paragraph


def tc(
    *content: Inline | Sequence[etree._Element],
    span: int = 1,
    vmerge: str | None = None,
    hmerge: str | None = None,
    deleted: bool = False,
) -> etree._Element:
    """A table cell; strings and inline content make one paragraph, blocks are kept.

    ``vmerge``/``hmerge`` is ``"restart"`` or ``"continue"``; ``continue`` is written as the
    bare element, as Word does.
    """
    props = el("tcPr", el("tcW", w="1000", type="dxa"))
    if span != 1:
        props.append(prop("gridSpan", str(span)))
    for name, merge in (("hMerge", hmerge), ("vMerge", vmerge)):
        if merge == "restart":
            props.append(prop(name, "restart"))
        elif merge is not None:
            props.append(prop(name))
    if deleted:
        props.append(el("cellDel", id="5", author="t"))
    cell = el("tc", props)
    inline = [c for c in content if not (isinstance(c, etree._Element) and c.tag in _BLOCKS)]
    blocks = [c for c in content if isinstance(c, etree._Element) and c.tag in _BLOCKS]
    if inline or not blocks:
        cell.append(p(*inline))
    cell.extend(blocks)
    if blocks and blocks[-1].tag != w("p"):
        cell.append(p())  # a cell must end with a paragraph
    return cell


def tr(
    *cells: etree._Element,
    grid_before: int = 0,
    grid_after: int = 0,
    header: bool = False,
    deleted: bool = False,
) -> etree._Element:
    """A table row."""
    props = el("trPr")
    if grid_before:
        props.append(prop("gridBefore", str(grid_before)))
    if grid_after:
        props.append(prop("gridAfter", str(grid_after)))
    if header:
        props.append(prop("tblHeader"))
    if deleted:
        props.append(el("del", id="6", author="t"))
    return el("tr", props, *cells)


def tbl(*rows: etree._Element, columns: int | None = None) -> etree._Element:
    """A table; ``columns`` sizes its grid (default: the widest row)."""
    if columns is None:
        columns = min(max((_width(row) for row in rows), default=1), 64)
    grid = el("tblGrid", *(el("gridCol", w="1000") for _ in range(columns)))
    return el("tbl", el("tblPr", el("tblW", w="0", type="auto")), grid, *rows)


def sdt(*blocks: etree._Element, placeholder: bool = False) -> etree._Element:
    """Blocks (or rows, or cells) inside a content control (showing its placeholder, if so)."""
    props = el("sdtPr", el("alias", val="block"))
    if placeholder:
        props.append(el("showingPlcHdr"))
    return el("sdt", props, el("sdtContent", *blocks))


def custom_xml(*blocks: etree._Element) -> etree._Element:
    """Blocks inside a custom-XML wrapper."""
    return el("customXml", *blocks, element="x")


_BLOCKS = frozenset({w("p"), w("tbl"), w("sdt"), w("customXml")})


def _width(row: etree._Element) -> int:
    props = row.find(w("trPr"))
    width = 0
    if props is not None:
        for name in ("gridBefore", "gridAfter"):
            found = props.find(w(name))
            if found is not None:
                width += int(found.get(w("val"), "0"))
    for cell in row.iter(w("tc")):
        if cell.getparent() is not row and cell.getparent().tag != w("sdtContent"):
            continue
        span = cell.find(f"{w('tcPr')}/{w('gridSpan')}")
        width += 1 if span is None else int(span.get(w("val"), "1"))
    return width


# Packages.

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/{part}" ContentType='
    '"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="{part}"/></Relationships>'
)


def document(*blocks: etree._Element, strict: bool = False) -> bytes:
    """``word/document.xml`` holding ``blocks`` in its body, serialised."""
    body = el("body", *(copy.deepcopy(b) for b in blocks), el("sectPr"))
    root = el("document", body)
    etree.cleanup_namespaces(root, top_nsmap=NSMAP)
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if strict:
        xml = xml.replace(W.encode(), W_STRICT.encode())
    return xml


def package(
    xml: bytes,
    *,
    part: str = "word/document.xml",
    extra: dict[str, bytes] | None = None,
) -> bytes:
    """A ``.docx`` archive whose main part ``part`` holds ``xml``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES.format(part=part))
        archive.writestr("_rels/.rels", _RELS.format(part=part))
        archive.writestr(part, xml)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docx(*blocks: etree._Element, strict: bool = False, part: str = "word/document.xml") -> bytes:
    """A ``.docx`` whose body holds ``blocks``."""
    return package(document(*blocks, strict=strict), part=part)
