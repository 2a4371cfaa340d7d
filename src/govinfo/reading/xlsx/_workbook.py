"""The parts of a SpreadsheetML package: workbook, sheet list, shared strings, border styles.

Strategy: read only what the reader needs, straight from the XML with lxml (openpyxl's full
load is ~40x slower). Every archive member and every XML document goes through
:mod:`govinfo._safe`, which enforces the zip limits before inflating and refuses DTDs.
Namespaces are taken from each root element, so transitional and strict OOXML both read.
"""

from __future__ import annotations

import posixpath
import re

import attrs
from lxml import etree

from govinfo._digits import MAX_INDEX_DIGITS, parse_digits
from govinfo._safe import SafeZip, open_zip, parse_xml
from govinfo.errors import UnsupportedFormatError
from govinfo.locations import Location

__all__ = ["Package", "SheetRef", "open_package", "unescape"]

_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_WORKSHEET = "/worksheet"
_SHARED_STRINGS = "/sharedStrings"
_STYLES = "/styles"
_MACRO_TYPES = ("macroEnabled", "vbaProject")

# Excel escapes characters XML cannot hold as _xHHHH_ (ECMA-376 ST_Xstring).
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def unescape(text: str) -> str:
    """Undo Excel's ``_xHHHH_`` escapes in cell text."""
    if "_x" not in text:
        return text
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


@attrs.frozen
class SheetRef:
    """A worksheet of the workbook: its name and its part in the archive."""

    name: str
    part: str


@attrs.frozen
class Package:
    """An opened workbook: its sheets, shared strings and which styles draw a border."""

    archive: SafeZip
    source: str
    sheets: tuple[SheetRef, ...]
    shared: tuple[str, ...]
    bordered: frozenset[int]
    macros: bool

    def parse(self, part: str) -> etree._Element:
        """Parse an archive member as untrusted XML."""
        return parse_xml(self.archive.read(part), source=self.source, part=part)


def _ns(root: etree._Element) -> str:
    tag = root.tag
    return tag[: tag.index("}") + 1] if isinstance(tag, str) and tag.startswith("{") else ""


def _rels(package: SafeZip, source: str, part: str) -> dict[str, tuple[str, str]]:
    """Relationships of ``part``: id -> (type, resolved target part)."""
    folder, name = posixpath.split(part)
    rels_part = posixpath.join(folder, "_rels", name + ".rels")
    if rels_part not in package:
        return {}
    root = parse_xml(package.read(rels_part), source=source, part=rels_part)
    result: dict[str, tuple[str, str]] = {}
    for rel in root.iter(f"{{{_REL_NS}}}Relationship"):
        target = rel.get("Target") or ""
        if rel.get("TargetMode") == "External":
            continue
        if target.startswith("/"):
            resolved = target.lstrip("/")
        else:
            resolved = posixpath.normpath(posixpath.join(folder, target))
        result[rel.get("Id") or ""] = (rel.get("Type") or "", resolved)
    return result


def _workbook_part(package: SafeZip, source: str) -> str:
    target = package.main_part()
    if target is not None and target in package:
        return target
    where = Location(source=source)
    names = set(package.names())
    if "word/document.xml" in names:
        raise UnsupportedFormatError(
            "this is a Word document (.docx), not a workbook; read it with read_docx",
            location=where,
        )
    if "xl/workbook.xml" in names:
        return "xl/workbook.xml"
    raise UnsupportedFormatError("this zip archive is not an Excel workbook", location=where)


def _has_macros(package: SafeZip, source: str) -> bool:
    if any(name.endswith("vbaProject.bin") for name in package.names()):
        return True
    if "[Content_Types].xml" not in package:
        return False
    root = parse_xml(package.read("[Content_Types].xml"), source=source, part="[Content_Types].xml")
    return any(
        any(marker in (el.get("ContentType") or "") for marker in _MACRO_TYPES)
        for el in root.iter(f"{{{_CT_NS}}}Override", f"{{{_CT_NS}}}Default")
    )


def _shared_strings(root: etree._Element) -> tuple[str, ...]:
    ns = _ns(root)
    t_tag, r_tag, si_tag = f"{ns}t", f"{ns}r", f"{ns}si"
    result: list[str] = []
    for si in root.iter(si_tag):
        if len(si) == 1:  # the common plain string, <si><t>..</t></si>, read by index
            only = si[0]
            if only.tag == t_tag:
                result.append(unescape(only.text or ""))
                continue
        parts: list[str] = []
        for child in si:
            if child.tag == t_tag:
                parts.append(child.text or "")
            elif child.tag == r_tag:  # a rich-text run; phonetic runs (rPh) are skipped
                parts.extend(t.text or "" for t in child.iter(t_tag))
        result.append(unescape("".join(parts)))
    return tuple(result)


def _bordered_styles(root: etree._Element) -> frozenset[int]:
    """Indexes of the cell formats (``s`` attribute) that draw any border line."""
    ns = _ns(root)
    borders_el = root.find(f"{ns}borders")
    lined: set[int] = set()
    if borders_el is not None:
        for index, border in enumerate(borders_el.iterfind(f"{ns}border")):
            if any(side.get("style") not in (None, "none") for side in border):
                lined.add(index)
    xfs = root.find(f"{ns}cellXfs")
    if xfs is None:
        return frozenset()
    return frozenset(
        index
        for index, xf in enumerate(xfs.iterfind(f"{ns}xf"))
        if _int(xf.get("borderId")) in lined
    )


def _int(text: str | None) -> int:
    index = parse_digits(text, max_digits=MAX_INDEX_DIGITS)
    return -1 if index is None else index


def open_package(data: bytes, *, source: str) -> Package:
    """Open ``data`` as a workbook and read its sheet list, shared strings and styles.

    Raises:
        UnsupportedFormatError: not a zip archive, a legacy or encrypted file, a Word document,
            another zip archive, or a workbook without worksheets.
        UnsafeInputError: the archive or an XML part broke a safety limit.
        ReadError: a part is corrupt or not well-formed.
    """
    archive = open_zip(data, source=source)
    workbook_part = _workbook_part(archive, source)
    root = parse_xml(archive.read(workbook_part), source=source, part=workbook_part)
    ns = _ns(root)
    rels = _rels(archive, source, workbook_part)
    r_id = next(
        (key for key in root.nsmap.values() if key and key.endswith("relationships")),
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    )
    sheets: list[SheetRef] = []
    parts: set[str] = set()
    for sheet in root.iter(f"{ns}sheet"):
        rel = rels.get(sheet.get(f"{{{r_id}}}id") or "")
        # A part listed twice is one sheet: read once (a hostile workbook lists one part
        # hundreds of times, each would be parsed again).
        if (
            rel is not None
            and rel[0].endswith(_WORKSHEET)
            and rel[1] in archive
            and rel[1] not in parts
        ):
            parts.add(rel[1])
            sheets.append(SheetRef(sheet.get("name") or rel[1], rel[1]))
    if not sheets:
        raise UnsupportedFormatError(
            "the workbook has no worksheets", location=Location(source=source)
        )
    shared: tuple[str, ...] = ()
    bordered: frozenset[int] = frozenset()
    for rel_type, target in rels.values():
        if target not in archive:
            continue
        if rel_type.endswith(_SHARED_STRINGS):
            shared = _shared_strings(parse_xml(archive.read(target), source=source, part=target))
        elif rel_type.endswith(_STYLES):
            bordered = _bordered_styles(parse_xml(archive.read(target), source=source, part=target))
    return Package(
        archive=archive,
        source=source,
        sheets=tuple(sheets),
        shared=shared,
        bordered=bordered,
        macros=_has_macros(archive, source),
    )
