"""Shared fixtures: the conformance vectors and the default calendar.

The tests import the installed ``motcua`` wheel (scripts/build-python.sh),
never the source tree.
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib

import pytest

import motcua

VECTORS = pathlib.Path(__file__).resolve().parents[2] / "tests" / "vectors"


@pytest.fixture(scope="session")
def vectors() -> dict:
    return json.loads((VECTORS / "calendar.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def cal() -> motcua.Calendar:
    return motcua.Calendar.vietnam()


def iso_date(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


def iso_instant(s: str) -> dt.datetime:
    return dt.datetime.strptime(s, "%Y-%m-%dT%H:%M")
