//! The Vietnamese working calendar.
//!
//! - [`lunar`]: the lunar calendar (âm lịch) at UTC+7, 1900–2100.
//! - [`holidays`]: state-sector holidays by era, nghỉ bù, official yearly
//!   schedules (swapped days and make-up working Saturdays) and run-time
//!   calendar data.
//! - [`Calendar`]: working days and working time, O(1) per operation on
//!   rank/select tables built once; which data it was built from
//!   ([`Calendar::data_versions`]).
//! - [`changes`]: the dates whose status differs between two calendars.
//! - [`zone`]: Vietnam's time zone, and aware and naive instants.
//! - Days off, holidays by name, next and previous working days, numpy's
//!   [`Roll`] conventions and working-day ranges, as holiday and
//!   business-day libraries present them ([`Calendar::days_off`]).
//!
//! ## Counting rules
//!
//! - [`Calendar::add_working_days`]`(d, n)` is the n-th working day strictly
//!   after `d` (`d` itself need not be a working day), and
//!   [`Calendar::working_days_between`]`(a, b)` counts the working days in
//!   `(a, b]`, so that `working_days_between(d, add_working_days(d, n)) == n`
//!   for every `n >= 0`. numpy's `busday_offset` (roll forward, then add) and
//!   pandas' `CustomBusinessDay` each use a different rule; this one is the
//!   Vietnamese practice of counting from the day after reception.
//! - Working time on instants counts the seconds inside the working sessions
//!   (07:30–11:30 and 13:00–17:00 by default, 8 hours a day). An instant
//!   outside the sessions counts from the next session start. A duration
//!   that ends exactly on a session boundary ends at the close of the earlier
//!   session (a 4-hour task started at 13:00 is due at 17:00, not at 07:30
//!   the next morning).
//! - Calendar-day durations follow the Civil Code (2015, Art. 147–148): the
//!   day of the event is not counted, and when the last day is not a working
//!   day the period ends at the end of the next working day.

mod builder;
mod changes;
pub mod day;
pub mod holidays;
mod instant;
#[cfg(feature = "internals")]
pub mod iso;
#[cfg(not(feature = "internals"))]
#[allow(dead_code)] // what only the bindings use
pub(crate) mod iso;
mod lookup;
pub mod lunar;
mod sessions;
mod working;
pub mod zone;

pub use builder::{check_statutory, CalendarBuilder, FIRST_SUPPORTED_DATE, LAST_SUPPORTED_DATE};
pub use changes::{changes, same_range, DayChange, DayStatus};
pub use lookup::Roll;
pub use sessions::{WorkingSessions, WorkingTime};
pub use working::{Calendar, CalendarStamp, DataVersion, Notices, ScheduleSource};
