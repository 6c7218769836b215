"""motcua: the rules of Vietnam's one-stop public administrative service.

The working calendar of the state sector (lunar Tết, Giỗ Tổ, nghỉ bù, the
official yearly schedules with swapped days and make-up Saturdays), the
lunar calendar at UTC+7, and working-time arithmetic, computed by the Rust
core shared with the WASM module.

>>> import datetime as dt, motcua
>>> cal = motcua.Calendar.vietnam()
>>> cal.add_working_days(dt.date(2026, 2, 13), 1)
datetime.date(2026, 2, 23)
>>> motcua.to_lunar(dt.date(2026, 2, 17))
LunarDate(year=2026, month=1, day=1, leap=False)

Dates are ``datetime.date``; instants are ``datetime.datetime`` in Vietnam
local time (UTC+7): naive datetimes are taken as Vietnam local time, aware
ones are converted to it, and results are aware (UTC+7) exactly when the
input was.
"""

from motcua._errors import (
    InvalidArgumentError,
    InvalidCalendarDataError,
    InvalidDurationError,
    InvalidLunarDateError,
    InvalidSessionsError,
    InvalidTypeError,
    MotcuaError,
    OutOfRangeError,
)
from motcua._motcua import (
    Calendar,
    Holiday,
    LunarDate,
    __version__,
    from_lunar,
    to_lunar,
    year_name,
)

__all__ = [
    "Calendar",
    "Holiday",
    "InvalidArgumentError",
    "InvalidCalendarDataError",
    "InvalidDurationError",
    "InvalidLunarDateError",
    "InvalidSessionsError",
    "InvalidTypeError",
    "LunarDate",
    "MotcuaError",
    "OutOfRangeError",
    "__version__",
    "from_lunar",
    "to_lunar",
    "year_name",
]
