"""The edge where untrusted input enters: files, zip archives and XML parsing.

Strategy: every reader turns its source into bytes here, opens archives here and parses XML
here, so the limits that protect a user from hostile files are written once:

* sources are read with a size cap, and ``OSError`` becomes :class:`~govinfo.ReadError`;
* a zip archive's central directory is checked *before* anything is inflated: member count,
  total declared size, and each member's compression ratio (zip bombs); inflation is then
  streamed with a hard cap, in case the directory lies;
* XML is parsed with DTDs, entities and network access refused; a document that declares a
  DTD is refused outright rather than parsed without it, because a report has no reason to
  carry one and entity tricks (billion laughs, external entities) all start there.

* HTML is parsed from text (the front end decides the encoding first) by libxml2's HTML
  parser with network access refused, comments and processing instructions dropped, and its
  own depth cap (``huge_tree`` off); a document type declaration with an internal subset
  (where entity tricks live) is refused.

Nothing else in govinfo calls ``open``, ``zipfile`` or ``lxml.etree.fromstring`` on input.
The module sits below the readers and writers (it needs only the errors and locations): the
XLSX writer checks its own output against the same limits, so what govinfo writes it reads.
"""

from __future__ import annotations

import io
import os
import pathlib
import posixpath
import re
import threading
import zipfile
import zlib
from collections.abc import Iterator
from typing import BinaryIO

import attrs
from lxml import etree

from govinfo.errors import ReadError, UnsafeInputError, UnsupportedFormatError
from govinfo.locations import Location

__all__ = [
    "MAX_CELLS",
    "MAX_LINES",
    "MAX_MEMBERS",
    "MAX_PARAGRAPHS",
    "MAX_PDF_PAGES",
    "MAX_RATIO",
    "MAX_ROWS",
    "MAX_ROW_CELLS",
    "MAX_SOURCE_BYTES",
    "MAX_TABLE_ROWS",
    "MAX_TEXT_CHARS",
    "MAX_UNZIPPED_BYTES",
    "RATIO_FREE_BYTES",
    "SafeZip",
    "Source",
    "check_lines",
    "load_source",
    "open_zip",
    "parse_html",
    "parse_xml",
]

#: Largest source accepted, in bytes. Real reports are well under 10 MB.
MAX_SOURCE_BYTES = 64 * 1024 * 1024
#: Largest total uncompressed size of an archive's members.
MAX_UNZIPPED_BYTES = 256 * 1024 * 1024
#: Largest compression ratio of any one member (uncompressed / compressed). XML of office
#: documents compresses 10-30x; bombs reach thousands.
MAX_RATIO = 200
#: Parts up to this size are not held to ``MAX_RATIO``: inflating them costs little, and a
#: long repetitive text (a narrative of one repeated character, which govinfo's own writer
#: must be able to hand to its reader) compresses past any ratio deflate can reach (~1,000).
RATIO_FREE_BYTES = 4 * 1024 * 1024
#: Largest number of members in an archive.
MAX_MEMBERS = 10_000
#: Most pages a PDF may have. Reports run to a few dozen pages; a PDF of thousands is not one,
#: and each page costs time and memory to lay out.
MAX_PDF_PAGES = 200

#: Most paragraphs (lines of text) a document may have. A long real report has a few thousand.
MAX_PARAGRAPHS = 20_000
#: Most rows one table may have. The statistics tables have under 60; a sheet a few hundred.
MAX_TABLE_ROWS = 5_000
#: Most cells one table row may have. The widest statistics table has 8 columns.
MAX_ROW_CELLS = 2_000
#: Most table cells a document may have, all tables together.
MAX_CELLS = 50_000
#: Most characters a paragraph or a cell may have (Excel's cell limit is 32,767).
MAX_TEXT_CHARS = 200_000  # a whole report crawled onto one line has some 20,000
#: Most lines a text may have (blank lines included; they make no paragraph).
MAX_LINES = 50_000
#: Most table rows a document may have, all tables together (a report has a few hundred).
MAX_ROWS = 10_000

#: What the readers accept: text (``read_text`` only), bytes, a path, or a binary file.
Source = str | bytes | bytearray | memoryview | os.PathLike[str] | BinaryIO

_ZIP_MAGIC = b"PK\x03\x04"
_PACKAGE_RELS = "_rels/.rels"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def load_source(
    source: str | bytes | bytearray | memoryview | os.PathLike[str] | BinaryIO,
    *,
    name: str | None = None,
    max_bytes: int = MAX_SOURCE_BYTES,
) -> tuple[bytes, str]:
    """Read ``source`` into bytes, with a display name for locations and messages.

    Args:
        source: bytes, a path (``str`` or ``os.PathLike``: a ``str`` is a path, as in
            ``open()``), or a binary file object (read from its current position).
        name: the name to use in messages; defaults to the path, or ``<bytes>``.
        max_bytes: refuse sources larger than this.

    Raises:
        ReadError: the file cannot be opened or read.
        UnsafeInputError: the source is larger than ``max_bytes``.
        TypeError: ``source`` is not of an accepted type.
    """
    if isinstance(source, str):
        if "\n" in source:
            # A path has no line break: this is the content itself, given where a path goes.
            raise ReadError(
                "a str source is a path, and this one has line breaks: it looks like the "
                "content itself; pass its bytes, or use govinfo.read_text for extracted text",
                location=Location(source=name or "<str>"),
                message_zh="str 类型的来源是文件路径，而这个 str 含有换行，像是内容本身："
                "请传入其字节，或用 govinfo.read_text 读取提取出的文本",
            )
        source = pathlib.Path(source)
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        display = name or "<bytes>"
    elif isinstance(source, os.PathLike):
        display = name or os.fspath(source)
        try:
            with open(source, "rb") as handle:
                data = handle.read(max_bytes + 1)
        except OSError as exc:
            raise ReadError(
                f"cannot read file: {exc.strerror or exc}",
                location=Location(source=display),
                message_zh=f"无法读取文件（{exc.strerror or exc}）",
            ) from exc
    elif hasattr(source, "read"):
        display = name or str(getattr(source, "name", "<stream>"))
        try:
            data = source.read(max_bytes + 1)
        except OSError as exc:
            raise ReadError(
                f"cannot read stream: {exc}",
                location=Location(source=display),
                message_zh=f"无法读取数据流（{exc}）",
            ) from exc
        if not isinstance(data, bytes):
            raise TypeError("a file object given to a govinfo reader must be opened in binary mode")
    else:
        raise TypeError(
            f"expected bytes, a path (str or os.PathLike) or a binary file, "
            f"got {type(source).__name__}"
        )
    if len(data) > max_bytes:
        raise UnsafeInputError(
            f"source is larger than {max_bytes} bytes",
            location=Location(source=display),
            message_zh=f"文件超过 {max_bytes} 字节的上限",
        )
    return data, display


def sniff(data: bytes) -> str:
    """A coarse guess at what ``data`` is: ``zip``, ``ole`` (legacy Office), ``pdf``, ``xml`` or
    ``text``. A PDF's header may follow a few bytes of junk (readers look in the first 1024)."""
    if data.startswith(_ZIP_MAGIC):
        return "zip"
    if data.startswith(_OLE_MAGIC):
        return "ole"
    if b"%PDF-" in data[:1024]:
        return "pdf"
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        return "xml"
    return "text"


@attrs.frozen
class SafeZip:
    """A zip archive whose directory passed the limits; members are read with a hard cap."""

    _zip: zipfile.ZipFile
    source: str
    _sizes: dict[str, int]

    def names(self) -> Iterator[str]:
        """Member names, in archive order."""
        return iter(self._sizes)

    def __contains__(self, member: object) -> bool:
        return member in self._sizes

    def main_part(self) -> str | None:
        """The part the package's ``_rels/.rels`` names as its main document, if any.

        That is the target of the ``officeDocument`` relationship (transitional and strict
        OOXML alike), as a member name; external targets are ignored.

        Raises:
            ReadError, UnsafeInputError: as :meth:`read` and :func:`parse_xml`.
        """
        if _PACKAGE_RELS not in self._sizes:
            return None
        rels = parse_xml(self.read(_PACKAGE_RELS), source=self.source, part=_PACKAGE_RELS)
        for relationship in rels:
            if relationship.get("TargetMode") == "External":
                continue
            if str(relationship.get("Type", "")).endswith("/officeDocument"):
                return posixpath.normpath(str(relationship.get("Target", "")).lstrip("/"))
        return None

    def read(self, member: str) -> bytes:
        """Inflate ``member``, refusing to produce more than its declared size.

        Raises:
            ReadError: the member is missing or its data is corrupt.
            UnsafeInputError: the member inflates to more than it declared.
        """
        where = Location(source=self.source, xpath=member)
        declared = self._sizes.get(member)
        if declared is None:
            raise ReadError(f"archive has no part {member!r}", location=where)
        chunks: list[bytes] = []
        total = 0
        try:
            with self._zip.open(member) as stream:
                while chunk := stream.read(1 << 16):
                    total += len(chunk)
                    if total > declared:
                        raise UnsafeInputError(
                            "part inflates to more than its declared size", location=where
                        )
                    chunks.append(chunk)
        except UnsafeInputError:
            raise
        except (
            zipfile.BadZipFile,
            zipfile.LargeZipFile,
            zlib.error,  # a damaged deflate stream
            OSError,
            EOFError,
            ValueError,
        ) as exc:
            raise ReadError(f"corrupt archive part: {exc}", location=where) from exc
        except NotImplementedError as exc:  # a compression method zipfile lacks
            raise UnsupportedFormatError(
                f"archive part uses an unsupported compression method: {exc}", location=where
            ) from exc
        except RuntimeError as exc:  # zipfile raises RuntimeError for encrypted members
            raise UnsupportedFormatError(
                "the file is password-protected; save an unprotected copy and read that",
                location=where,
                message_zh="文件受密码保护：请另存一份不加密的副本后读取",
            ) from exc
        except Exception as exc:  # the edge: nothing foreign gets past it
            raise ReadError(
                f"corrupt archive part: {type(exc).__name__}: {exc}", location=where
            ) from exc
        return b"".join(chunks)


def open_zip(
    data: bytes,
    *,
    source: str,
    max_total: int = MAX_UNZIPPED_BYTES,
    max_ratio: int = MAX_RATIO,
    max_members: int = MAX_MEMBERS,
) -> SafeZip:
    """Open ``data`` as a zip archive after checking its directory against the limits.

    Raises:
        UnsupportedFormatError: ``data`` is not a zip archive (with a hint when it is a
            legacy ``.doc``/``.xls`` file).
        UnsafeInputError: too many members, too large in total, or a member's compression
            ratio above ``max_ratio``; checked before anything is inflated.
        ReadError: the archive is corrupt.
    """
    where = Location(source=source)
    if data.startswith(_OLE_MAGIC):
        raise UnsupportedFormatError(
            "this is a legacy binary Office file (.doc/.xls) or an encrypted Office file; "
            "save it as .docx/.xlsx without a password and read that",
            location=where,
            message_zh="这是旧版二进制 Office 文件（.doc/.xls）或加密的 Office 文件："
            "请另存为不加密的 .docx/.xlsx 后读取",
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise UnsupportedFormatError(
            f"not a valid zip archive: {exc}",
            location=where,
            message_zh=f"不是有效的 zip 压缩包（DOCX/XLSX 文件都是 zip 包）：{exc}",
        ) from exc
    except Exception as exc:  # the edge: nothing foreign gets past it
        raise UnsupportedFormatError(
            f"not a valid zip archive: {type(exc).__name__}: {exc}", location=where
        ) from exc
    if len(infos) > max_members:
        raise UnsafeInputError(
            f"archive has more than {max_members} parts",
            location=where,
            message_zh=f"压缩包内的部件超过 {max_members} 个",
        )
    total = 0
    sizes: dict[str, int] = {}
    for info in infos:
        total += info.file_size
        if total > max_total:
            raise UnsafeInputError(
                f"archive inflates to more than {max_total} bytes",
                location=where,
                message_zh=f"压缩包解压后超过 {max_total} 字节",
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FREE_BYTES and ratio > max_ratio:
            raise UnsafeInputError(
                f"part {info.filename!r} has compression ratio {ratio:.0f}, over {max_ratio} "
                "(a zip bomb?)",
                location=where,
                message_zh=f"部件 {info.filename!r} 的压缩比为 {ratio:.0f}，超过 {max_ratio}"
                "（疑似压缩炸弹）",
            )
        sizes[info.filename] = info.file_size
    return SafeZip(archive, source, sizes)


class _NoNetworkResolver(etree.Resolver):
    def resolve(self, system_url: str, public_id: str, context: object = None) -> None:
        raise UnsafeInputError(f"refused to load external resource {system_url!r}")


_PARSERS = threading.local()

#: How a document type declaration starts, in the encodings an XML prolog may use.
_DOCTYPE_MARKS = tuple(
    "<!DOCTYPE".encode(encoding) for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)


def _parser() -> etree.XMLParser:
    # Building a parser costs about as much as parsing a small part; lxml parsers may be
    # reused, but not shared between threads, hence one per thread.
    parser: etree.XMLParser | None = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = _PARSERS.parser = _new_parser()
    return parser


def _new_parser() -> etree.XMLParser:
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        dtd_validation=False,
        load_dtd=False,
        huge_tree=False,
        remove_blank_text=False,
    )
    parser.resolvers.add(_NoNetworkResolver())
    return parser


_DTD_ZH = "带有文档类型声明（DTD）的 XML 出于安全考虑拒绝读取"


def parse_xml(data: bytes, *, source: str, part: str | None = None) -> etree._Element:
    """Parse untrusted XML: no DTD, no entities, no network.

    Args:
        data: the XML bytes.
        source: the file name, for error locations.
        part: the archive member the XML came from, if any.

    Raises:
        UnsafeInputError: the document has a DTD (and so possibly entity declarations).
        ReadError: the XML is not well-formed; the message gives the line.
    """
    where = Location(source=source, xpath=part)
    try:
        root = etree.fromstring(data, _parser())
    except UnsafeInputError as exc:
        raise UnsafeInputError(exc.message, location=where) from exc
    except etree.XMLSyntaxError as exc:
        if any(mark in data[:65536] for mark in _DOCTYPE_MARKS):
            # libxml2 stops entity amplification (billion laughs) itself, as a syntax error;
            # the DTD is the reason, and the user should hear that.
            raise UnsafeInputError(
                "XML with a document type declaration (DTD) is refused",
                location=where,
                message_zh=_DTD_ZH,
            ) from exc
        line = exc.lineno if isinstance(exc.lineno, int) else None
        raise ReadError(
            f"XML is not well-formed: {exc.msg}",
            location=attrs.evolve(where, line=line),
            message_zh=f"XML 格式不正确：{exc.msg}",
        ) from exc
    except (ValueError, etree.LxmlError) as exc:
        raise ReadError(f"cannot parse XML: {exc}", location=where) from exc
    except Exception as exc:  # the edge: nothing foreign gets past it
        raise ReadError(f"cannot parse XML: {type(exc).__name__}: {exc}", location=where) from exc
    # lxml-stubs lacks DocInfo.doctype; internalDTD is typed and set whenever a DTD is declared.
    if root.getroottree().docinfo.internalDTD is not None:
        raise UnsafeInputError(
            "XML with a document type declaration (DTD) is refused",
            location=where,
            message_zh=_DTD_ZH,
        )
    return root


_HTML_PARSERS = threading.local()
#: An XML declaration: lxml refuses one in text it is given to parse as HTML (XHTML pages).
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*>")
#: A document type declaration with an internal subset, where entity declarations live.
_INTERNAL_SUBSET = re.compile(r"<!DOCTYPE[^>\[]*\[", re.IGNORECASE)


def _html_parser() -> etree.HTMLParser:
    # lxml.etree's parser, not lxml.html's: lxml.html looks up a Python element class for
    # every element proxy, which costs more than the parse itself on a Word-exported page.
    parser: etree.HTMLParser | None = getattr(_HTML_PARSERS, "parser", None)
    if parser is None:
        parser = _HTML_PARSERS.parser = etree.HTMLParser(
            no_network=True,
            remove_comments=True,
            remove_pis=True,
            huge_tree=False,
        )
    return parser


def parse_html(text: str, *, source: str) -> etree._Element:
    """Parse untrusted HTML given as text: no network, no entity declarations, depth capped.

    The caller decides the encoding (lxml given bytes guesses it, and silently truncates a
    page labelled GB2312 that uses GBK characters). Comments (conditional comments too) and
    processing instructions are dropped; libxml2 caps the element depth.

    Args:
        text: the decoded page.
        source: the file name, for error locations.

    Returns:
        The ``html`` root element.

    Raises:
        UnsafeInputError: the page declares a DTD internal subset (entity declarations), or
            breaks a parser limit (elements nested deeper than libxml2's 256 levels, whose
            content the parser would drop).
        ReadError: the markup cannot be parsed at all.
    """
    where = Location(source=source)
    if _INTERNAL_SUBSET.search(text, 0, 65536):
        raise UnsafeInputError(
            "HTML with a document type declaration carrying an internal subset "
            "(entity declarations) is refused",
            location=where,
            message_zh="网页的文档类型声明带有内部子集（实体声明），出于安全考虑拒绝读取",
        )
    text = _XML_DECLARATION.sub("", text, count=1)
    parser = _html_parser()
    try:
        root = etree.fromstring(text, parser)
    except (ValueError, etree.LxmlError) as exc:
        raise ReadError(f"cannot parse HTML: {exc}", location=where) from exc
    if root is None:
        raise ReadError("the page holds no markup", location=where, message_zh="网页中没有任何标记")
    for error in parser.error_log:
        if error.type_name == "ERR_RESOURCE_LIMIT":
            # libxml2 drops what lies past its depth limit without failing: refuse the page
            # rather than read it with text silently missing.
            raise UnsafeInputError(
                f"HTML refused: {error.message.rstrip('.')}",
                location=attrs.evolve(where, line=error.line or None),
            )
    return root


def check_lines(text: str, *, source: str) -> None:
    """Refuse a text with more lines, or a longer line, than any real report has.

    Checked before a text is split into cells: a megabyte on one line (``1\t`` repeated)
    would otherwise become half a million cells before the document's own limits see them.

    Raises:
        UnsafeInputError: a limit is broken; the message names it.
    """
    lines = text.splitlines()
    if len(lines) > MAX_LINES:
        raise UnsafeInputError(
            f"the text has {len(lines)} lines, over the limit of {MAX_LINES}",
            location=Location(source=source),
            message_zh=f"文本有 {len(lines)} 行，超过 {MAX_LINES} 行的上限",
        )
    for number, line in enumerate(lines, start=1):
        if len(line) > MAX_TEXT_CHARS:
            raise UnsafeInputError(
                f"the line has {len(line)} characters, over the limit of {MAX_TEXT_CHARS}",
                location=Location(source=source, line=number),
                message_zh=f"该行有 {len(line)} 个字符，超过 {MAX_TEXT_CHARS} 个字符的上限",
            )
        if line.count("\t") >= MAX_ROW_CELLS:
            raise UnsafeInputError(
                f"the line has {line.count(chr(9)) + 1} tab-separated cells, over the limit of "
                f"{MAX_ROW_CELLS}",
                location=Location(source=source, line=number),
                message_zh=f"该行有 {line.count(chr(9)) + 1} 个以制表符分隔的单元格，"
                f"超过 {MAX_ROW_CELLS} 个的上限",
            )
