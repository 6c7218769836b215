"""A provincial analyst's quarter: from a CSV export of dossiers to the
II.06a report and the 766 service index of every agency, a chart of the
on-time rate by agency and month, and a CSV of the results.

    .venv/bin/python examples/analyst/quarter_report.py                 # the sample center
    .venv/bin/python examples/analyst/quarter_report.py dossiers.csv --quarter 2026Q3

Without a CSV it first writes the sample center's export (one row per
dossier: code, procedure, field, agency, channel, received_at, due_at,
ended_at, ending, paused, supplement_requests) to the output folder, then
reads it back like any other export. The chart needs matplotlib (the
``plot`` extra); without it the CSV results are still written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from pathlib import Path

import pandas as pd  # type: ignore[import-untyped]  # the pandas extra

import motcua

INSTANTS = ["received_at", "due_at", "ended_at"]


def quarter(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{4})Q([1-4])", text)
    if not match:
        raise argparse.ArgumentTypeError(f"{text!r} is not a quarter like 2026Q3")
    return int(match.group(1)), int(match.group(2))


def write_sample(path: Path, year: int, q: int) -> None:
    """The sample center's dossiers as a portal export at the quarter's end."""
    period = motcua.Period.quarter(year, q)
    as_of = dt.datetime.combine(period.last, dt.time(23, 59, 59))
    motcua.records_frame(motcua.sample_center(), as_of).to_csv(path, index=False)


def on_time_rate(row: dict[str, int]) -> float | None:
    """Share of resolved dossiers resolved early or on time (None: none resolved)."""
    resolved = row["resolved"]
    return (row["early"] + row["on_time"]) / resolved if resolved else None


def quarter_results(dossiers: pd.DataFrame, year: int, q: int) -> pd.DataFrame:
    """One row per agency: the quarter's counts, on-time rate and index."""
    method = motcua.Methodology.default_766()
    reports = motcua.report_table(dossiers, motcua.Period.quarter(year, q), group_by="total", split_by="agency")
    rows = []
    for agency, report in reports.items():
        total = report.total
        score = method.score(report.index_inputs())
        rows.append(
            {
                "agency": agency,
                **total,
                "on_time_rate": on_time_rate(total),
                "index_points": score.total,
                "index_max_measured": score.max_measured,
            }
        )
    return pd.DataFrame(rows).set_index("agency")


def monthly_on_time(dossiers: pd.DataFrame, year: int, q: int) -> pd.DataFrame:
    """On-time rate by agency (rows) and month of the quarter (columns)."""
    months = range(3 * q - 2, 3 * q + 1)
    rates: dict[str, dict[str, float | None]] = {}
    for month in months:
        report = motcua.report_table(dossiers, motcua.Period.month(year, month), group_by="agency")
        for agency, row in report.rows.items():
            rates.setdefault(agency, {})[f"{year}-{month:02d}"] = on_time_rate(row)
    return pd.DataFrame.from_dict(rates, orient="index").sort_index()


def chart(rates: pd.DataFrame, title: str, path: Path) -> bool:
    """A grouped bar chart of the monthly rates; False without matplotlib."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    fig, ax = plt.subplots(figsize=(11, 5.5))
    width = 0.8 / len(rates.columns)
    for i, month in enumerate(rates.columns):
        positions = [x + i * width for x in range(len(rates.index))]
        ax.bar(positions, rates[month].astype(float) * 100, width, label=month)
    ax.set_xticks([x + 0.4 - width / 2 for x in range(len(rates.index))])
    ax.set_xticklabels(rates.index, rotation=30, ha="right", fontsize=8)
    ax.set_ylabel("resolved early or on time (%)")
    # Centers resolve most dossiers in time: start the axis near the lowest
    # rate so that the differences between agencies show.
    lowest = float(rates.min().min()) * 100
    ax.set_ylim(max(0.0, lowest - (100 - lowest) * 0.5 - 0.5), 100.2)
    ax.set_title(title)
    ax.legend(title="month", loc="upper left", bbox_to_anchor=(1.01, 1))
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("csv", nargs="?", type=Path, help="dossier export (default: the sample center's)")
    parser.add_argument("--quarter", type=quarter, default=(2026, 3), help="e.g. 2026Q3 (default)")
    parser.add_argument("--out", type=Path, default=Path("out/analyst"), help="output folder")
    args = parser.parse_args()
    year, q = args.quarter
    args.out.mkdir(parents=True, exist_ok=True)
    source: Path = args.csv or args.out / "sample-dossiers.csv"
    if args.csv is None:
        write_sample(source, year, q)
        print(f"wrote the sample center's export: {source}")

    # Codes such as 2.000001 must stay text, not become floats.
    text = {c: str for c in ("code", "procedure", "field", "agency", "channel", "ending")}
    dossiers = pd.read_csv(source, parse_dates=INSTANTS, dtype=text)
    results = quarter_results(dossiers, year, q)
    rates = monthly_on_time(dossiers, year, q)
    table = results.join(rates.add_prefix("on_time_rate_"))
    table.to_csv(args.out / "quarter-by-agency.csv")

    print(f"{len(dossiers):,} dossiers, {year} Q{q}, {len(results)} agencies")
    with pd.option_context("display.width", 120, "display.max_columns", 10):
        print(results[["received", "resolved", "on_time_rate", "index_points", "index_max_measured"]].round(3))
    print(f"results: {args.out / 'quarter-by-agency.csv'}")
    png = args.out / "on-time-by-agency-month.png"
    if chart(rates, f"On-time rate by agency and month, {year} Q{q}", png):
        print(f"chart: {png}")
    else:
        print("chart skipped: matplotlib is not installed (pip install 'motcua[plot]')")


if __name__ == "__main__":
    main()
