"""An independent oracle for the Vietnamese lunar calendar, built on PyEphem.

PyEphem (libastro: full VSOP87 and ELP lunar theory) gives the instants of
new moons and of the Sun's principal terms; this module turns them into
UTC+7 civil dates and applies the three rules of the Vietnamese calendar
(month starts on the local day of the new moon, month 11 holds the December
solstice, the first month without a principal term in a 13-month year is
leap). It shares no code and no astronomy with motcua, which computes its
table from Meeus' lunation series and VSOP87 via its own generator.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from functools import lru_cache

import ephem

UTC7 = dt.timedelta(hours=7)


def _local_day(d: ephem.Date) -> dt.date:
    return (d.datetime() + UTC7).date()


def _sun_longitude(when: float) -> float:
    sun = ephem.Sun()
    sun.compute(when, epoch=when)
    ecl = ephem.Ecliptic(ephem.Equatorial(sun.g_ra, sun.g_dec, epoch=when), epoch=when)
    return math.degrees(float(ecl.lon)) % 360.0


def _sun_reaches(target: float, guess: float) -> ephem.Date:
    t = guess
    for _ in range(60):
        diff = (target - _sun_longitude(t) + 540.0) % 360.0 - 180.0
        step = diff * 365.2422 / 360.0
        t += step
        if abs(step) < 1e-7:
            break
    return ephem.Date(t)


@lru_cache(maxsize=None)
def principal_terms(year: int) -> tuple[dt.date, ...]:
    """Local dates of the 12 principal terms of a year, index 0 = 0° (March)."""
    equinox = float(ephem.next_equinox(f"{year}/3/1"))
    return tuple(
        _local_day(_sun_reaches(30.0 * i, equinox + 30.437 * i)) for i in range(12)
    )


@lru_cache(maxsize=None)
def _new_moons(first: int, last: int) -> tuple[dt.date, ...]:
    out = []
    d = ephem.Date(f"{first}/10/1")
    end = ephem.Date(f"{last}/3/1")
    while d < end:
        d = ephem.next_new_moon(d)
        out.append(_local_day(d))
        d = ephem.Date(d + 1)
    return tuple(out)


@lru_cache(maxsize=None)
def months(first: int = 1898, last: int = 2102) -> tuple[tuple[dt.date, int, bool, int], ...]:
    """(start, number, leap, lunar year) of every month of suis first+1..last-1."""
    moons = _new_moons(first - 1, last + 1)

    def containing(day: dt.date) -> int:
        return bisect.bisect_right(moons, day) - 1

    out = []
    for g in range(first + 1, last):
        a = containing(principal_terms(g - 1)[9])
        b = containing(principal_terms(g)[9])
        terms = principal_terms(g - 1) + principal_terms(g)
        leap_at = None
        if b - a == 13:
            for i in range(a + 1, b):
                if not any(moons[i] <= t < moons[i + 1] for t in terms):
                    leap_at = i
                    break
        number = 11
        for i in range(a, b):
            leap = i == leap_at
            if i > a and not leap:
                number = number % 12 + 1
            out.append((moons[i], number, leap, g - 1 if number >= 11 else g))
    return tuple(out)


def to_lunar(day: dt.date) -> tuple[int, int, int, bool]:
    """(year, month, day, leap) of a Gregorian date, 1900..2100."""
    ms = months()
    starts = [m[0] for m in ms]
    i = bisect.bisect_right(starts, day) - 1
    start, number, leap, year = ms[i]
    return (year, number, (day - start).days + 1, leap)


def all_days(first: dt.date, last: dt.date):
    """Yield (date, (year, month, day, leap)) for every day of a range, fast."""
    ms = months()
    starts = [m[0] for m in ms]
    i = bisect.bisect_right(starts, first) - 1
    d = first
    while d <= last:
        while i + 1 < len(ms) and ms[i + 1][0] <= d:
            i += 1
        start, number, leap, year = ms[i]
        yield d, (year, number, (d - start).days + 1, leap)
        d += dt.timedelta(days=1)
