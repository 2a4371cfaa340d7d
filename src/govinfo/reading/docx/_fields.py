"""Complex fields: which run text is a field's instruction, which its shown result.

Strategy: Word writes a field as runs marked ``fldChar begin`` → instruction runs
(``w:instrText``) → ``fldChar separate`` → result runs → ``fldChar end``. Fields nest (an
``IF`` whose instruction holds a ``MERGEFIELD``) and may span paragraphs (a table of contents
covers many). So the state is a stack kept for the whole document, and run text counts only when
no open field hides it. A field hides its instruction always, and its result only when the field
is a table of contents, whose result repeats the report's headings with page numbers and would
otherwise read as a second copy of every heading.
"""

from __future__ import annotations

__all__ = ["FieldState"]


class _Field:
    __slots__ = ("hides_result", "in_instruction", "instruction")

    def __init__(self) -> None:
        self.in_instruction = True
        self.hides_result = False
        self.instruction: list[str] = []

    @property
    def hides(self) -> bool:
        return self.in_instruction or self.hides_result


class FieldState:
    """The fields open at the current point of the document.

    Attributes:
        hidden: how many open fields hide text; run text counts only when this is 0.
        skipped_contents: how many tables of contents were left out.
    """

    def __init__(self) -> None:
        self._stack: list[_Field] = []
        self.hidden = 0
        self.skipped_contents = 0

    @property
    def open_fields(self) -> int:
        """How many fields have begun and not ended."""
        return len(self._stack)

    def char(self, kind: str | None) -> None:
        """Take a ``w:fldChar`` of type ``kind`` (``begin``, ``separate`` or ``end``)."""
        if kind == "begin":
            self._stack.append(_Field())
            self.hidden += 1
        elif kind == "separate":
            if self._stack and self._stack[-1].in_instruction:
                field = self._stack[-1]
                field.in_instruction = False
                code = "".join(field.instruction).strip().upper()
                if code.startswith("TOC"):
                    field.hides_result = True
                    self.skipped_contents += 1
                else:
                    self.hidden -= 1
        elif kind == "end" and self._stack:
            field = self._stack.pop()
            if field.hides:
                self.hidden -= 1

    def instruction(self, text: str | None) -> None:
        """Take the text of a ``w:instrText``: part of the innermost field's instruction."""
        if text and self._stack and self._stack[-1].in_instruction:
            self._stack[-1].instruction.append(text)
