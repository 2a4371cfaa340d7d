"""Clark-notation tag names of WordprocessingML, for both conformance classes.

Word writes *transitional* OOXML (``schemas.openxmlformats.org``) unless a user picks "Strict
Open XML Document", which moves the ``w:`` namespace to ``purl.oclc.org``. The element names are
the same, so each namespace gets one :class:`Tags` and the walker uses whichever the document's
root element is in.
"""

from __future__ import annotations

__all__ = ["MC_ALTERNATE", "MC_CHOICE", "MC_FALLBACK", "TAGS_BY_NAMESPACE", "Tags"]

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
MC_ALTERNATE = _MC + "AlternateContent"
MC_CHOICE = _MC + "Choice"
MC_FALLBACK = _MC + "Fallback"


class Tags:
    """Every ``w:`` name the front end compares against, as plain attributes (read in loops)."""

    def __init__(self, ns: str) -> None:
        def q(local: str) -> str:
            return f"{{{ns}}}{local}"

        self.ns = ns
        self.val = q("val")
        self.char = q("char")
        self.fld_char_type = q("fldCharType")
        # Blocks and the containers that may wrap them.
        self.document = q("document")
        self.body = q("body")
        self.p = q("p")
        self.r = q("r")
        self.tbl = q("tbl")
        self.tr = q("tr")
        self.tc = q("tc")
        self.sdt = q("sdt")
        self.sdt_content = q("sdtContent")
        self.custom_xml = q("customXml")
        self.txbx_content = q("txbxContent")
        # Properties.
        self.ppr = q("pPr")
        self.rpr = q("rPr")
        self.trpr = q("trPr")
        self.tcpr = q("tcPr")
        self.sdt_pr = q("sdtPr")
        self.sdt_end_pr = q("sdtEndPr")
        self.grid_span = q("gridSpan")
        self.v_merge = q("vMerge")
        self.h_merge = q("hMerge")
        self.grid_before = q("gridBefore")
        self.cell_del = q("cellDel")
        # Revisions.
        self.ins = q("ins")
        self.deleted = q("del")
        self.move_from = q("moveFrom")
        self.move_to = q("moveTo")
        # Run content.
        self.t = q("t")
        self.tab = q("tab")
        self.tabs = q("tabs")
        self.ptab = q("ptab")
        self.br = q("br")
        self.cr = q("cr")
        self.sym = q("sym")
        self.no_break_hyphen = q("noBreakHyphen")
        self.soft_hyphen = q("softHyphen")
        self.fld_char = q("fldChar")
        self.instr_text = q("instrText")
        self.ruby = q("ruby")
        self.vanish = q("vanish")
        self.showing_placeholder = q("showingPlcHdr")
        self.ruby_text = q("rt")


#: The two ``w:`` namespaces, transitional first.
TAGS_BY_NAMESPACE = {
    ns: Tags(ns)
    for ns in (
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    )
}
