"""Compare consecutive years of one organ: carry-over and documents in force.

Run:  python examples/compare_years.py
This year's 上年结转 must equal last year's 结转下年度继续办理, and last year's 现行有效件数
plus this year's issued minus repealed gives this year's. A mismatch is a warning.
"""

from __future__ import annotations

from pathlib import Path

import govinfo
from govinfo.reading.api import read

HERE = Path(__file__).resolve().parent


def main() -> None:
    """Check a seed report against an invented previous year that does not carry over."""
    this_year = read(HERE / "reports" / "004_402c59144089559f.txt").report
    assert this_year.year is not None
    cells = govinfo.flatten(this_year)
    # Last year's report said 3 applications were carried forward (this year carried over 0).
    cells["applications.new_received.natural_person"] = 3 + int(
        cells["applications.new_received.natural_person"] or 0
    )
    cells["applications.new_received.total"] = 3 + int(
        cells["applications.new_received.total"] or 0
    )
    cells["applications.carried_forward.natural_person"] = 3
    cells["applications.carried_forward.total"] = 3
    last_year = govinfo.unflatten(
        cells, template=this_year.template, organ=this_year.organ, year=this_year.year - 1
    )
    for year, result in govinfo.check_series([this_year, last_year]).items():
        print(f"{year}: {str(result).splitlines()[0]}")
        for warning in result.warnings:
            print(f"  {warning}")


if __name__ == "__main__":
    main()
