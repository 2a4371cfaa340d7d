"""Build small SpreadsheetML packages by hand, to test what other writers put in files."""

from __future__ import annotations

import io
import zipfile

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def package(
    sheets: dict[str, str],
    *,
    shared: list[str] | None = None,
    styles: str | None = None,
    macro: bool = False,
    extra: dict[str, bytes] | None = None,
) -> bytes:
    """A workbook whose sheets have the given ``<sheetData>…`` (and more) XML bodies.

    ``shared`` entries are raw ``<si>`` contents (``<t>x</t>`` or rich-text runs).
    """
    names = list(sheets)
    workbook = (
        f'<workbook xmlns="{_MAIN}" xmlns:r="{_R}"><sheets>'
        + "".join(
            f'<sheet name="{name}" sheetId="{i}" r:id="rId{i}"/>'
            for i, name in enumerate(names, start=1)
        )
        + "</sheets></workbook>"
    )
    rels = [
        f'<Relationship Id="rId{i}" Type="{_TYPE}worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, len(names) + 1)
    ]
    parts: dict[str, bytes] = {}
    if shared is not None:
        rels.append(
            f'<Relationship Id="rS" Type="{_TYPE}sharedStrings" Target="sharedStrings.xml"/>'
        )
        parts["xl/sharedStrings.xml"] = (
            f'<sst xmlns="{_MAIN}">' + "".join(f"<si>{s}</si>" for s in shared) + "</sst>"
        ).encode()
    if styles is not None:
        rels.append(f'<Relationship Id="rY" Type="{_TYPE}styles" Target="styles.xml"/>')
        parts["xl/styles.xml"] = f'<styleSheet xmlns="{_MAIN}">{styles}</styleSheet>'.encode()
    main_type = (
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
        if macro
        else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    )
    parts["[Content_Types].xml"] = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Override PartName="/xl/workbook.xml" ContentType="{main_type}"/></Types>'
    ).encode()
    parts["_rels/.rels"] = (
        f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" '
        f'Type="{_TYPE}officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ).encode()
    parts["xl/workbook.xml"] = workbook.encode()
    parts["xl/_rels/workbook.xml.rels"] = (
        f'<Relationships xmlns="{_PKG}">' + "".join(rels) + "</Relationships>"
    ).encode()
    for i, name in enumerate(names, start=1):
        parts[f"xl/worksheets/sheet{i}.xml"] = (
            f'<worksheet xmlns="{_MAIN}" xmlns:r="{_R}">{sheets[name]}</worksheet>'
        ).encode()
    parts.update(extra or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def rows(*cells: tuple[str, str]) -> str:
    """``<sheetData>`` from ``(ref, inner xml or attributes)`` pairs, grouped into rows.

    Each pair is ``("B3", '<c r="B3"><v>1</v></c>')``-style: the second item is the whole
    ``<c>`` element.
    """
    by_row: dict[int, list[str]] = {}
    for ref, xml in cells:
        number = int("".join(ch for ch in ref if ch.isdigit()))
        by_row.setdefault(number, []).append(xml)
    body = "".join(
        f'<row r="{number}">' + "".join(items) + "</row>"
        for number, items in sorted(by_row.items())
    )
    return f"<sheetData>{body}</sheetData>"
