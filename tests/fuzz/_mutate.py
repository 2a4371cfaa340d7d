"""Structure-aware mutations of reader inputs, shared by the fuzz tests and benchmarks/fuzz.py.

Each mutation takes the bytes of a seed (a fixture, an example report, or a writer's output)
and a ``random.Random``, and returns new bytes: lines and cells of text, XML parts inside a
DOCX/XLSX zip, zip headers, raw bytes. ``scale`` bounds how large a mutation may grow its
input (repeated lines, elements and digit runs): small in the test suite, where every case
must be cheap, large in the on-demand script, which hunts for super-linear costs.
"""

from __future__ import annotations

import io
import random
import re
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
READERS = ("text", "docx", "xlsx", "xml")

# Fragments a hostile or broken source puts where a value or a label belongs.
_NASTY_TEXT = (
    "",
    "/",
    "0",
    "-1",
    "1,584",
    "２０２１",
    "²²",
    "٣",
    "1e5",
    "NaN",
    "1.5万元",
    "四、政府信息公开行政复议、行政诉讼情况",
    "三、收到和处理政府信息公开申请情况",
    "（一）予以公开",
    "2021年度政府信息公开工作年度报告",
    "\x1c\udc00",
    "\u2028",
    "\r",
    "\t\t\t",
    "=SUM(A1:A9)",
    "_x0008_",
    "#govinfo-text 1 {}",
)


def _digits(rng: random.Random, scale: int) -> str:
    return "9" * rng.choice((16, 40, 4301, min(40_000, 100 * scale)))


def _fragment(rng: random.Random, scale: int) -> str:
    if rng.random() < 0.2:
        return _digits(rng, scale)
    return rng.choice(_NASTY_TEXT)


# -- text ------------------------------------------------------------------------------------


def mutate_lines(text: str, rng: random.Random, scale: int) -> str:
    """Delete, repeat, swap or replace lines, or one tab-separated cell of a line."""
    lines = text.split("\n") or [""]
    for _ in range(rng.randint(1, 4)):
        i = rng.randrange(len(lines))
        op = rng.randrange(6)
        if op == 0 and len(lines) > 1:
            del lines[i]
        elif op == 1:
            lines[i:i] = [lines[i]] * rng.randint(1, scale)
        elif op == 2:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 3:
            lines.insert(i, _fragment(rng, scale))
        elif op == 4:
            cells = lines[i].split("\t")
            cells[rng.randrange(len(cells))] = _fragment(rng, scale)
            lines[i] = "\t".join(cells)
        else:
            lines[i] = lines[i] * rng.randint(1, max(1, scale // 10))
    return "\n".join(lines)


def mutate_bytes(data: bytes, rng: random.Random, scale: int) -> bytes:
    """Flip, insert or delete a few bytes, or truncate."""
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        if not buffer:
            buffer.extend(rng.randbytes(4))
        i = rng.randrange(len(buffer))
        op = rng.randrange(4)
        if op == 0:
            buffer[i] = rng.randrange(256)
        elif op == 1:
            buffer[i:i] = rng.randbytes(rng.randint(1, 4))
        elif op == 2:
            del buffer[i : i + rng.randint(1, 8)]
        else:
            del buffer[i:]
    return bytes(buffer)


def mutate_text(data: bytes, rng: random.Random, scale: int) -> bytes:
    """A text seed: mostly its lines and cells, sometimes its bytes."""
    if rng.random() < 0.2:
        return mutate_bytes(data, rng, scale)
    text = data.decode("utf-8", errors="surrogateescape")
    return mutate_lines(text, rng, scale).encode("utf-8", errors="surrogatepass")


# -- XML ---------------------------------------------------------------------------------

_ELEMENT = re.compile(rb"<([A-Za-z][\w:.-]*)\b[^<>]*?(?:/>|>[^<>]*</\1>)")
_TEXT_NODE = re.compile(rb">([^<>]+)<")


def mutate_xml(data: bytes, rng: random.Random, scale: int) -> bytes:
    """Repeat or drop an element, replace a text node, slip a comment into one, or bytes."""
    op = rng.randrange(5)
    if op == 4:
        return mutate_bytes(data, rng, scale)
    elements = list(_ELEMENT.finditer(data))
    nodes = list(_TEXT_NODE.finditer(data))
    if op == 0 and elements:
        m = rng.choice(elements)
        return data[: m.start()] + m.group(0) * rng.randint(2, scale + 1) + data[m.start() :]
    if op == 1 and elements:
        m = rng.choice(elements)
        return data[: m.start()] + data[m.end() :]
    if op == 2 and nodes:
        m = rng.choice(nodes)
        value = _fragment(rng, scale).encode("utf-8", errors="surrogatepass")
        value = value.replace(b"&", b"&amp;").replace(b"<", b"&lt;")
        return data[: m.start(1)] + value + data[m.end(1) :]
    if nodes:
        m = rng.choice(nodes)
        at = rng.randint(m.start(1), m.end(1))
        return data[:at] + b"<!-- x -->" + data[at:]
    return mutate_bytes(data, rng, scale)


# -- zip packages ------------------------------------------------------------------------


def _members(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return [(info, archive.read(info)) for info in archive.infolist()]
    except Exception:
        return None


def _rezip(members: list[tuple[zipfile.ZipInfo, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, body in members:
            archive.writestr(info.filename, body)
    return buffer.getvalue()


def _mutate_header(data: bytes, rng: random.Random) -> bytes:
    # A field of a local or central directory header: compression method, version needed,
    # flags, sizes.
    marks = [m.start() for m in re.finditer(rb"PK\x01\x02|PK\x03\x04", data)]
    if not marks:
        return data
    at = rng.choice(marks)
    central = data[at : at + 4] == b"PK\x01\x02"
    field = rng.choice(
        (
            (10, "<H") if central else (8, "<H"),  # compression method
            (6, "<H") if central else (4, "<H"),  # version needed
            (8, "<H") if central else (6, "<H"),  # flags
            (24, "<I") if central else (22, "<I"),  # uncompressed size
        )
    )
    offset, fmt = field
    value = rng.choice((0, 1, 8, 12, 14, 99, 0xFFFF, rng.randrange(1 << 16)))
    if at + offset + struct.calcsize(fmt) > len(data):
        return data
    return (
        data[: at + offset] + struct.pack(fmt, value) + data[at + offset + struct.calcsize(fmt) :]
    )


def mutate_package(data: bytes, rng: random.Random, scale: int) -> bytes:
    """Mutate one XML part of a DOCX/XLSX (mostly the main one), a zip header, or bytes."""
    op = rng.random()
    if op < 0.1:
        return mutate_bytes(data, rng, scale)
    if op < 0.2:
        return _mutate_header(data, rng)
    members = _members(data)
    if not members:
        return mutate_bytes(data, rng, scale)
    main = [
        i
        for i, (info, _) in enumerate(members)
        if re.search(r"document\.xml$|sheet\d*\.xml$|sharedStrings\.xml$", info.filename)
    ]
    index = rng.choice(main) if main and rng.random() < 0.8 else rng.randrange(len(members))
    info, body = members[index]
    members[index] = (info, mutate_xml(body, rng, scale))
    return _rezip(members)


# -- seeds -------------------------------------------------------------------------------


def seeds(reader: str) -> list[bytes]:
    """The seeds of one reader: fixtures, examples and govinfo's own writers' output."""
    import govinfo
    from govinfo.model.report import AnnualReport

    examples = sorted((ROOT / "examples" / "reports").glob("*.txt"))
    reports: list[AnnualReport] = [govinfo.read_text(path.read_bytes()).report for path in examples]
    fixtures = ROOT / "tests" / "data" / "fixtures"
    if reader == "text":
        own = [govinfo.write_text(r).encode() for r in reports]
        return [path.read_bytes() for path in examples] + own
    if reader == "xml":
        return [govinfo.write_xml(r) for r in reports]
    if reader == "docx":
        return [path.read_bytes() for path in sorted(fixtures.glob("*.docx"))]
    own = [govinfo.xlsx_bytes(r) for r in reports]
    return [path.read_bytes() for path in sorted(fixtures.glob("*.xlsx"))] + own


MUTATORS: dict[str, Callable[[bytes, random.Random, int], bytes]] = {
    "text": mutate_text,
    "docx": mutate_package,
    "xlsx": mutate_package,
    "xml": mutate_xml,
}


def case(reader: str, seed_list: list[bytes], number: int, scale: int) -> bytes:
    """The ``number``-th mutated input of ``reader``: the same bytes for the same arguments."""
    rng = random.Random(f"{reader}:{number}")
    return MUTATORS[reader](rng.choice(seed_list), rng, scale)


# -- one call ----------------------------------------------------------------------------

OK, REFUSED, ESCAPED, ESCAPED_AFTER = "ok", "refused", "escaped", "escaped-after"


def probe(reader: str, data: bytes) -> tuple[str, BaseException | None]:
    """Read ``data`` with ``reader``, then check and serialise the report.

    Returns the outcome and the exception behind it: ``ok``; ``refused`` (a GovInfoError);
    ``escaped`` (another exception from the reader); ``escaped-after`` (another exception from
    ``check()`` or ``to_json`` of the report read).
    """
    import govinfo

    read = {
        "text": govinfo.read_text,
        "docx": govinfo.read_docx,
        "xlsx": govinfo.read_xlsx,
        "xml": govinfo.read_xml,
    }[reader]
    try:
        result = read(data)
    except govinfo.GovInfoError as exc:
        return REFUSED, exc
    except Exception as exc:
        return ESCAPED, exc
    try:
        result.report.check()
        govinfo.to_json(result.report)
    except Exception as exc:
        return ESCAPED_AFTER, exc
    return OK, None
