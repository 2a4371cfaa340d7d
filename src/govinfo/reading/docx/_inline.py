"""The text of a paragraph: runs, revisions, fields, special characters, text boxes.

Strategy: almost every paragraph in a real report is runs of plain ``w:t`` text, so one pass
over the whole document (filtered in C) gathers each paragraph's ``w:t`` texts and marks the
paragraphs that hold anything else; a plain paragraph's text is then its texts joined, and
only marked paragraphs get the
recursive walk that can skip subtrees (deleted text), choose a branch
(``mc:AlternateContent``) and set text boxes aside. Field state spans paragraphs, so it lives
in :class:`~._fields.FieldState`: a plain paragraph inside a field's hidden part reads empty.

What counts as text, following what Word displays:

* ``w:t`` in runs, including runs inside ``w:ins``/``w:moveTo``, hyperlinks, smart tags and
  inline content controls; not ``w:delText``, nor anything inside ``w:del``/``w:moveFrom``;
* ``w:tab``/``w:ptab`` → tab, ``w:br``/``w:cr`` → newline, ``w:noBreakHyphen`` → ``-``,
  ``w:softHyphen`` → nothing, ``w:sym`` → its character;
* field results, never field instructions (see ``_fields``);
* of a ruby (``w:ruby``), the base text, not the pronunciation guide (``w:rt``);
* not hidden text (``w:vanish``), nor a content control still showing its placeholder;
* of ``mc:AlternateContent``, the first ``mc:Choice`` only (or the ``mc:Fallback`` when there
  is no choice), since both branches hold the same content;
* text boxes (``w:txbxContent``) are not part of the paragraph's text: they are handed back to
  the block walker, which reads them as blocks of their own after the anchoring paragraph.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from govinfo.reading.docx._fields import FieldState
from govinfo.reading.docx._names import MC_ALTERNATE, MC_CHOICE, MC_FALLBACK, Tags

__all__ = ["InlineReader"]

_PRIVATE_SYMBOLS = range(0xF020, 0xF100)  # Symbol/Wingdings fonts map their glyphs here


class InlineReader:
    """Reads paragraphs' text for one document, keeping the state that spans paragraphs.

    Attributes:
        fields: the open complex fields.
        revisions: whether tracked changes (insertions, deletions, moves) were met.
        text_boxes: text boxes met in the paragraph last read; the caller takes them.
        marked: the paragraphs that hold more than plain ``w:t`` runs.
    """

    def __init__(
        self,
        tags: Tags,
        root: etree._Element,
        *,
        extra: frozenset[str] = frozenset(),
        on_extra: Callable[[etree._Element, str], bool] | None = None,
    ) -> None:
        self.tags = tags
        self.fields = FieldState()
        self.revisions = False
        self.text_boxes: list[etree._Element] = []
        self._newline = frozenset({tags.br, tags.cr})
        self._tab = frozenset({tags.tab, tags.ptab})
        self._marks = frozenset({tags.ins, tags.move_to})
        markup = (
            tags.tab,
            tags.ptab,
            tags.br,
            tags.cr,
            tags.sym,
            tags.no_break_hyphen,
            tags.soft_hyphen,
            tags.fld_char,
            tags.instr_text,
            tags.ins,
            tags.move_to,
            tags.deleted,
            tags.move_from,
            tags.txbx_content,
            tags.ruby,
            tags.vanish,
            tags.showing_placeholder,
            MC_ALTERNATE,
        )
        self._leaves = (
            frozenset({tags.t, *markup})
            - self._marks
            - {
                tags.deleted,
                tags.move_from,
                tags.txbx_content,
                tags.ruby,
                tags.vanish,
                tags.showing_placeholder,
                MC_ALTERNATE,
            }
        )
        self._skipped = frozenset(
            {
                tags.deleted,
                tags.move_from,
                tags.ppr,
                tags.rpr,
                tags.sdt_pr,
                tags.sdt_end_pr,
                tags.ruby_text,  # a ruby's pronunciation guide (pinyin) over its base text
            }
        )
        self.marked: set[etree._Element] = set()
        self._texts: dict[etree._Element, list[str]] = {}
        self._scan(root, markup, extra, on_extra)

    def _scan(
        self,
        root: etree._Element,
        markup: tuple[str, ...],
        extra: frozenset[str],
        on_extra: Callable[[etree._Element, str], bool] | None,
    ) -> None:
        # One C-level pass over the document collects the w:t texts of each paragraph and
        # marks the paragraphs that hold anything more than plain runs; only those are walked
        # in Python. (Building lxml's tag matcher costs more than reading a plain paragraph,
        # so it is built once, here, not once per paragraph.) The caller's ``extra`` tags ride
        # along in the same pass: ``on_extra`` takes each, returning True when it is not
        # paragraph markup.
        tags = self.tags
        t_tag, tab, tabs, p_tag = tags.t, tags.tab, tags.tabs, tags.p
        texts = self._texts
        marked = self.marked
        for element in root.iter(t_tag, *markup, *extra):
            tag = element.tag
            if tag == t_tag:
                text = element.text
                if not text:
                    continue
                parent = element.getparent()
                # Almost always w:t → w:r → w:p; hyperlinks, insertions and the like add levels.
                while parent is not None and parent.tag != p_tag:
                    parent = parent.getparent()
                if parent is not None:
                    found = texts.get(parent)
                    if found is None:
                        texts[parent] = [text]
                    else:
                        found.append(text)
                continue
            if tag in extra and on_extra is not None and on_extra(element, tag):
                continue
            parent = element.getparent()
            if tag == tab and parent is not None and parent.tag == tabs:
                continue  # a tab stop in paragraph properties, not a character
            while parent is not None and parent.tag != p_tag:
                parent = parent.getparent()
            if parent is not None:
                marked.add(parent)

    def paragraph(self, p: etree._Element) -> str:
        """Return the text of ``p``; text boxes in it are appended to :attr:`text_boxes`."""
        if p not in self.marked:
            if self.fields.hidden:  # inside a field that spans paragraphs
                return ""
            return "".join(self._texts.get(p, ()))
        parts: list[str] = []
        self._walk(p, parts)
        return "".join(parts)

    def _walk(self, parent: etree._Element, parts: list[str]) -> None:
        tags = self.tags
        for child in parent:
            tag = child.tag
            if tag in self._leaves:
                self._leaf(child, tag, parts)
            elif tag in self._skipped:
                if tag in (tags.deleted, tags.move_from):
                    self.revisions = True
            elif tag == tags.txbx_content:
                self.text_boxes.append(child)
            elif tag == MC_ALTERNATE:
                branch = alternate_branch(child)
                if branch is not None:
                    self._walk(branch, parts)
            elif tag == tags.r and is_hidden(child, tags):
                # Hidden text is not shown; a field's markers in it still open and close it.
                for leaf in child:
                    if leaf.tag in (tags.fld_char, tags.instr_text):
                        self._leaf(leaf, leaf.tag, parts)
            elif tag == tags.sdt and shows_placeholder(child, tags):
                continue
            elif isinstance(tag, str):  # comments and processing instructions have no text
                if tag in self._marks:
                    self.revisions = True
                self._walk(child, parts)

    def _leaf(self, element: etree._Element, tag: str, parts: list[str]) -> None:
        tags = self.tags
        fields = self.fields
        if tag == tags.fld_char:
            fields.char(element.get(tags.fld_char_type))
        elif tag == tags.instr_text:
            fields.instruction(element.text)
        elif fields.hidden:
            return
        elif tag == tags.t:
            if element.text:
                parts.append(element.text)
        elif tag in self._tab:
            parent = element.getparent()
            # w:pPr/w:tabs/w:tab declares a tab stop; only a w:tab inside a run is a character.
            if parent is None or parent.tag != tags.tabs:
                parts.append("\t")
        elif tag in self._newline:
            parts.append("\n")
        elif tag == tags.no_break_hyphen:
            parts.append("-")
        elif tag == tags.sym:
            parts.append(_symbol(element.get(tags.char)))
        # w:softHyphen is an optional break point, shown only at a line end: nothing to add.


_OFF = frozenset({"0", "false", "off"})


def is_hidden(run: etree._Element, tags: Tags) -> bool:
    """Whether ``run`` is formatted as hidden text (``w:vanish`` in its run properties)."""
    for properties in run:
        if properties.tag != tags.rpr:
            return False  # w:rPr, when present, is a run's first child
        for prop in properties:
            if prop.tag == tags.vanish:
                return prop.get(tags.val) not in _OFF
        return False
    return False


def shows_placeholder(sdt: etree._Element, tags: Tags) -> bool:
    """Whether a content control still shows its placeholder ("click here to enter text")."""
    for properties in sdt:
        if properties.tag == tags.sdt_pr:
            return any(prop.tag == tags.showing_placeholder for prop in properties)
    return False


def alternate_branch(alternate: etree._Element) -> etree._Element | None:
    """The one branch of ``mc:AlternateContent`` to read: the first choice, else the fallback."""
    fallback = None
    for child in alternate:
        if child.tag == MC_CHOICE:
            return child
        if child.tag == MC_FALLBACK and fallback is None:
            fallback = child
    return fallback


def _symbol(code: str | None) -> str:
    try:
        value = int(code or "", 16)
    except ValueError:
        return ""
    if value in _PRIVATE_SYMBOLS:
        value -= 0xF000
    if value < 0x20 or 0xD800 <= value <= 0xDFFF or value > 0x10FFFF:
        return ""
    return chr(value)
