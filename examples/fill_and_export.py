"""Build a report from figures, let the invariants fill the rest, check it, export it.

Run:  python examples/fill_and_export.py
An official keys in the figures they have; totals and the rows that must be zero are
inferred, then the report is checked and written as Excel (template layout) and XML.
"""

from __future__ import annotations

from pathlib import Path

import govinfo
from govinfo.display import view

APPLICANTS = (
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "social_welfare_org",
    "legal_service_org",
    "other_org",
)


def figures() -> dict[str, int]:
    """What the office counted: applications by applicant and outcome; no totals."""
    cells: dict[str, int] = {}
    rows = {
        "new_received": (12, 1),
        "carried_over": (2, 0),
        "disclosed": (7, 1),
        "unavailable_not_held": (3, 0),
    }
    rows["carried_forward"] = (4, 0)
    for row, (people, companies) in rows.items():
        for column in APPLICANTS:
            cells[f"applications.{row}.{column}"] = 0
        cells[f"applications.{row}.natural_person"] = people
        cells[f"applications.{row}.commercial_enterprise"] = companies
    # Every other outcome row was nil for every applicant: zero totals force zero parts.
    # (Not the group subtotal rows some reports print on （三）…（六）: this one does not.)
    for spec in govinfo.model.cell_specs("gb_2021"):
        if (
            spec.table == "applications"
            and spec.row not in rows
            and spec.row != "outcome_total"
            and spec.column == "total"
            and not spec.optional
        ):
            cells[spec.address] = 0
    cells["review_litigation.administrative_review.total"] = 0
    cells["review_litigation.litigation_direct.total"] = 0
    cells["review_litigation.litigation_after_review.total"] = 0
    return cells


def main() -> None:
    """Infer, check and export the example report."""
    draft = govinfo.unflatten(
        figures(), template="gb_2021", organ="示例县人民政府办公室", year=2024
    )
    report, filled = govinfo.infer(draft)
    print(f"inferred {len(filled)} cell(s), e.g.:")
    for fill in filled[:5]:
        print(f"  {fill}")
    result = report.check()
    print(str(result).splitlines()[0])
    # Nothing is broken; the cells nothing determines stay unknown, so some rules cannot be
    # verified and the check is incomplete rather than passed.
    assert not result.violations
    total = report.applications.outcome_total.total if report.applications else None
    print(f"（七）总计 = {total}")
    unknown = [a for a, v in govinfo.flatten(report).items() if v is None]
    print(f"{len(unknown)} cell(s) still unknown (nothing determines them), e.g. {unknown[:2]}")
    govinfo.write_xlsx(report, Path("filled.xlsx"), highlight=result)
    Path("filled.xml").write_bytes(govinfo.write_xml(report, check=result))
    print("wrote filled.xlsx and filled.xml")
    print(view(report, inferred=[f.address for f in filled]))


if __name__ == "__main__":
    main()
