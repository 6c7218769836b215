"""Notebook displays: the HTML tables that ``_repr_html_`` of motcua's
classes give Jupyter, built without pandas (an optional dependency)."""

from __future__ import annotations

import html
import typing

#: Rows shown before the table says how many more there are.
MAX_ROWS = 30


def table(title: str, rows: typing.Sequence[typing.Mapping[str, typing.Any]], columns: typing.Sequence[str]) -> str:
    """An HTML table of ``rows`` (dicts) with ``columns``, under ``title``;
    values are escaped, nested values shown as text."""
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = []
    for row in rows[:MAX_ROWS]:
        cells = "".join(f"<td>{html.escape(_text(row.get(c)))}</td>" for c in columns)
        body.append(f"<tr>{cells}</tr>")
    more = len(rows) - MAX_ROWS
    if more > 0:
        body.append(f'<tr><td colspan="{len(columns)}">… {more} more</td></tr>')
    return (
        f"<div><strong>{html.escape(title)}</strong>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def _text(value: typing.Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def report(r: typing.Any) -> str:
    """A period report: a row per group and the total."""
    rows = [{"group": key, **counts} for key, counts in r.rows.items()]
    rows.append({"group": "Tổng / total", **r.total})
    columns = ["group", "received", "resolved", "early", "on_time", "late", "in_progress", "overdue"]
    return table(f"II.06a {r.to_dict()['period']}", rows, columns)


def score(s: typing.Any) -> str:
    """A score: a row per indicator."""
    title = f"{s.total:.2f} / {s.max_measured:.0f} measured"
    return table(title, s.indicators, ["id", "group", "name_vi", "points", "max_points", "points_lost"])


def scorecard(card: typing.Any) -> str:
    """A scorecard: a row per unit."""
    return table(card.methodology, card.lines, ["group", "rank", "code", "name", "total", "change"])


def catalog(c: typing.Any) -> str:
    """A catalog: a row per procedure."""
    rows = [{"code": code, "name": c[code].name, "agency": c[code].agency} for code in c.codes()[:MAX_ROWS]]
    rows += [{}] * (len(c) - len(rows))
    return table(f"{len(c)} procedures", rows, ["code", "name", "agency"])
