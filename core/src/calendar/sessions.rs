//! Working sessions of a day and working-time durations.

use chrono::{NaiveTime, Timelike};
use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind, Result};

/// The working sessions of a working day, as half-open spans of seconds
/// after midnight, sorted and disjoint. The state-sector default is
/// 07:30–11:30 and 13:00–17:00 (8 working hours); centers set their own.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct WorkingSessions {
    spans: Vec<(u32, u32)>,
    day_seconds: u32,
}

impl WorkingSessions {
    /// The state-sector default: 07:30–11:30 and 13:00–17:00.
    pub fn state_sector() -> Self {
        Self {
            spans: vec![(7 * 3600 + 1800, 11 * 3600 + 1800), (13 * 3600, 17 * 3600)],
            day_seconds: 8 * 3600,
        }
    }

    /// Sessions from (start, end) pairs of times of day.
    ///
    /// Errors with [`ErrorKind::InvalidSessions`] when there is no session,
    /// a session ends before it starts (a session cannot run past midnight:
    /// an end of `00:00` is rejected), or sessions overlap or are out of
    /// order.
    ///
    /// ```
    /// use chrono::NaiveTime;
    /// use motcua::calendar::WorkingSessions;
    ///
    /// let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
    /// let s = WorkingSessions::new(&[(t(7, 0), t(11, 30)), (t(13, 30), t(17, 0))])?;
    /// assert_eq!(s.day_length().seconds(), 8 * 3600);
    /// assert!(WorkingSessions::new(&[(t(9, 0), t(8, 0))]).is_err());
    /// # Ok::<(), motcua::Error>(())
    /// ```
    pub fn new(sessions: &[(NaiveTime, NaiveTime)]) -> Result<Self> {
        if sessions.is_empty() {
            return Err(Error::new(
                ErrorKind::InvalidSessions,
                "a working day needs at least one session",
            ));
        }
        let mut spans = Vec::with_capacity(sessions.len());
        let mut previous_end = 0;
        for (i, (start, end)) in sessions.iter().enumerate() {
            let s = start.num_seconds_from_midnight();
            let e = end.num_seconds_from_midnight();
            if e <= s {
                return Err(Error::new(
                    ErrorKind::InvalidSessions,
                    format!("session {i} ({start}–{end}) must end after it starts"),
                ));
            }
            if i > 0 && s < previous_end {
                return Err(Error::new(
                    ErrorKind::InvalidSessions,
                    format!(
                        "session {i} ({start}–{end}) overlaps or precedes the session before it"
                    ),
                ));
            }
            previous_end = e;
            spans.push((s, e));
        }
        let day_seconds = spans.iter().map(|(s, e)| e - s).sum();
        Ok(Self { spans, day_seconds })
    }

    /// The sessions as (start, end) times of day.
    pub fn spans(&self) -> Vec<(NaiveTime, NaiveTime)> {
        let t = |s: u32| NaiveTime::from_num_seconds_from_midnight_opt(s, 0);
        self.spans
            .iter()
            .filter_map(|&(s, e)| Some((t(s)?, t(e)?)))
            .collect()
    }

    /// The working time of one working day (8 hours by default).
    pub fn day_length(&self) -> WorkingTime {
        WorkingTime(i64::from(self.day_seconds))
    }

    pub(crate) fn day_seconds(&self) -> i64 {
        i64::from(self.day_seconds)
    }

    /// Working seconds of a working day before the time of day `t` (seconds
    /// after midnight). Branch-free over the sessions: times of day are
    /// unpredictable, so a loop that breaks early mispredicts often.
    #[inline]
    pub(crate) fn worked_before(&self, t: u32) -> u32 {
        self.spans.iter().map(|&(s, e)| t.clamp(s, e) - s).sum()
    }

    /// The earliest time of day at which `worked` seconds of the day have
    /// been worked, for `worked` in `1..=day_seconds` (a boundary resolves to
    /// the end of the earlier session): the first start plus `worked` plus
    /// every gap between sessions that lies before it, branch-free.
    #[inline]
    pub(crate) fn time_at(&self, worked: u32) -> u32 {
        let mut time = self.spans[0].0 + worked;
        let mut done = 0;
        for pair in self.spans.windows(2) {
            let (s, e) = pair[0];
            done += e - s;
            time += u32::from(worked > done) * (pair[1].0 - e);
        }
        time
    }

    /// The time of day `t` if it lies inside a session, else the next session
    /// start of the same day, else `None`.
    #[inline]
    pub(crate) fn at_or_next_start(&self, t: u32) -> Option<u32> {
        self.spans
            .iter()
            .find(|&&(_, e)| t < e)
            .map(|&(s, _)| t.max(s))
    }

    /// Start of the first session.
    pub(crate) fn first_start(&self) -> u32 {
        self.spans[0].0
    }

    /// End of the last session.
    pub(crate) fn last_end(&self) -> u32 {
        self.spans[self.spans.len() - 1].1
    }
}

impl Default for WorkingSessions {
    fn default() -> Self {
        Self::state_sector()
    }
}

/// An amount of working time, in whole seconds (negative for a span that
/// runs backwards).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct WorkingTime(i64);

impl WorkingTime {
    /// A working time of `seconds` seconds.
    pub const fn from_seconds(seconds: i64) -> Self {
        Self(seconds)
    }

    /// Whole seconds.
    pub const fn seconds(self) -> i64 {
        self.0
    }

    /// Minutes, possibly fractional.
    pub fn minutes(self) -> f64 {
        self.0 as f64 / 60.0
    }

    /// Hours, possibly fractional.
    pub fn hours(self) -> f64 {
        self.0 as f64 / 3600.0
    }

    /// Working days of `sessions`' day length, possibly fractional.
    pub fn days(self, sessions: &WorkingSessions) -> f64 {
        self.0 as f64 / sessions.day_seconds() as f64
    }
}
