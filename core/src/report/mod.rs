//! The period report on the handling of procedures, form II.06a
//! ("Tình hình, kết quả giải quyết TTHC", Biểu số II.06a/VPCP/KSTT).
//!
//! Columns, by group (agency, field or procedure): received (3) = online in
//! the period (4) + direct and postal in the period (5) + carried over from
//! before (6); resolved (7) = early (8) + on time (9) + late (10); in
//! progress at the end of the period (11) = within time (12) + overdue (13);
//! withdrawn in the period, apart. Identities: 3 = 4 + 5 + 6, 7 = 8 + 9 +
//! 10, 11 = 12 + 13, 3 = 7 + 11 + withdrawn.
//!
//! Counting rules (`domain-rules.md` §6, as provincial systems count):
//! - every figure is read from the dossier's log replayed up to the end of
//!   the period (23:59:59 of its last day), so a later event never changes
//!   a closed period;
//! - a dossier counts once accepted; one received before the period that
//!   was still open at its start is carried over, one that ended before the
//!   period is not in it;
//! - resolved in the period = `resolved` event in the period, classified by
//!   date against the legal due date (early / on time / late; a procedure
//!   without deadline is on time);
//! - in progress = received and not ended at the end of the period: overdue
//!   when the end of the period is past the due date in force (a pause in
//!   progress moves it), within time otherwise;
//! - withdrawn in the period: its own column; refused at reception (never
//!   accepted): counted apart, not in column 3.
//!
//! The report streams: it keeps one row of counts per group, whatever the
//! number of dossiers, and says how many dossiers it left out and why.

mod coded;
mod rows;

use litemap::LiteMap;

pub use coded::CodedRows;
pub use rows::Rows;

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};
use serde::Serialize;

use crate::dossier::{
    judge, progress, Dossier, DossierCode, Fact, Facts, Granularity, Status, Timeliness,
};
use crate::error::{Error, ErrorKind, Result};
use crate::procedure::Channel;

/// A reporting period: whole days, first and last included. Read from
/// JSON as it is written, `{"first": "2026-07-01", "last": "2026-09-30"}`,
/// and refused when it ends before it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(try_from = "PeriodDays")]
pub struct Period {
    /// First day.
    pub first: NaiveDate,
    /// Last day.
    pub last: NaiveDate,
}

/// A period as JSON holds it, checked by [`Period::new`] when read.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct PeriodDays {
    first: NaiveDate,
    last: NaiveDate,
}

impl TryFrom<PeriodDays> for Period {
    type Error = Error;

    fn try_from(days: PeriodDays) -> Result<Self> {
        Period::new(days.first, days.last)
    }
}

fn invalid_period(message: String) -> Error {
    Error::new(ErrorKind::InvalidArgument, message)
}

/// [`Period::parse`]: `"2026-Q3".parse::<Period>()`.
impl std::str::FromStr for Period {
    type Err = Error;

    fn from_str(text: &str) -> Result<Self> {
        Self::parse(text)
    }
}

impl Period {
    /// A custom range; `first` must not be after `last`.
    pub fn new(first: NaiveDate, last: NaiveDate) -> Result<Self> {
        if first > last {
            return Err(invalid_period(format!(
                "period {first}..={last} ends before it starts"
            )));
        }
        Ok(Self { first, last })
    }

    /// A calendar month.
    pub fn month(year: i32, month: u32) -> Result<Self> {
        let first = NaiveDate::from_ymd_opt(year, month, 1)
            .ok_or_else(|| invalid_period(format!("month {month} of {year} does not exist")))?;
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)
        };
        let last = next
            .and_then(|n| n.pred_opt())
            .ok_or_else(|| invalid_period(format!("month {month} of {year} is out of range")))?;
        Self::new(first, last)
    }

    /// A quarter, 1 to 4.
    pub fn quarter(year: i32, quarter: u32) -> Result<Self> {
        if !(1..=4).contains(&quarter) {
            return Err(invalid_period(format!("quarter {quarter} is not 1 to 4")));
        }
        let first = Self::month(year, 3 * quarter - 2)?.first;
        let last = Self::month(year, 3 * quarter)?.last;
        Self::new(first, last)
    }

    /// A calendar year.
    pub fn year(year: i32) -> Result<Self> {
        Self::new(Self::month(year, 1)?.first, Self::month(year, 12)?.last)
    }

    /// A period from text: `2026`, `2026-07`, `2026-Q3` or
    /// `2026-07-01/2026-09-30`.
    pub fn parse(text: &str) -> Result<Self> {
        let bad = || {
            invalid_period(format!(
                "period {text:?} is not YYYY, YYYY-MM, YYYY-Qn or YYYY-MM-DD/YYYY-MM-DD"
            ))
        };
        if let Some((a, b)) = text.split_once('/') {
            let a = crate::calendar::iso::parse_date(a).ok_or_else(bad)?;
            let b = crate::calendar::iso::parse_date(b).ok_or_else(bad)?;
            return Self::new(a, b);
        }
        let (year, rest) = text
            .split_once('-')
            .map_or((text, None), |(y, r)| (y, Some(r)));
        let year: i32 = year.parse().map_err(|_| bad())?;
        match rest {
            None => Self::year(year),
            Some(q) if q.starts_with('Q') => {
                Self::quarter(year, q[1..].parse().map_err(|_| bad())?)
            }
            Some(m) => Self::month(year, m.parse().map_err(|_| bad())?),
        }
    }

    /// Whether the period is a calendar month, quarter or year, or another
    /// range of days.
    pub fn kind(&self) -> PeriodKind {
        let is = |p: Result<Period>| p.is_ok_and(|p| p == *self);
        let (year, month) = (self.first.year(), self.first.month());
        if is(Self::month(year, month)) {
            PeriodKind::Month { year, month }
        } else if is(Self::quarter(year, month.div_ceil(3))) {
            PeriodKind::Quarter {
                year,
                quarter: month.div_ceil(3),
            }
        } else if is(Self::year(year)) {
            PeriodKind::Year(year)
        } else {
            PeriodKind::Days
        }
    }

    /// The first instant of the period.
    pub(crate) fn start(&self) -> NaiveDateTime {
        self.first.and_time(NaiveTime::MIN)
    }

    /// The last second of the period.
    pub fn end(&self) -> NaiveDateTime {
        self.last
            .and_hms_opt(23, 59, 59)
            .unwrap_or_else(|| self.last.and_time(NaiveTime::MIN))
    }
}

/// What a [`Period`] is ([`Period::kind`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodKind {
    /// A calendar month.
    Month {
        /// The year.
        year: i32,
        /// The month, 1 to 12.
        month: u32,
    },
    /// A quarter.
    Quarter {
        /// The year.
        year: i32,
        /// The quarter, 1 to 4.
        quarter: u32,
    },
    /// A calendar year.
    Year(i32),
    /// Another range of days.
    Days,
}

/// The text [`Period::parse`] reads: `2026`, `2026-07`, `2026-Q3` or
/// `2026-07-01/2026-09-30`.
impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.kind() {
            PeriodKind::Month { year, month } => write!(f, "{year}-{month:02}"),
            PeriodKind::Quarter { year, quarter } => write!(f, "{year}-Q{quarter}"),
            PeriodKind::Year(year) => write!(f, "{year}"),
            PeriodKind::Days => write!(f, "{}/{}", self.first, self.last),
        }
    }
}

crate::labels::labelled! {
    /// How rows are grouped.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum GroupBy: "group_by" {
        /// One row for everything.
        Total = "total",
        /// By the procedure's implementing agency.
        Agency = "agency",
        /// By the procedure's field (lĩnh vực).
        Field = "field",
        /// By procedure code.
        Procedure = "procedure",
        /// By the receiving unit (the dossier code's agency identifier).
        ReceivingUnit = "receiving_unit",
        /// By the competent unit (the unit a cross-boundary dossier was
        /// received for, else the receiving unit).
        CompetentUnit = "competent_unit",
    }
}

impl GroupBy {
    /// The group key of a dossier.
    pub fn key<'a>(&self, dossier: &'a Dossier) -> &'a str {
        let procedure = dossier.procedure();
        match self {
            GroupBy::Total => "",
            GroupBy::Agency => &procedure.agency,
            GroupBy::Field => &procedure.field,
            GroupBy::Procedure => &procedure.code,
            GroupBy::ReceivingUnit => dossier.receiving_unit(),
            GroupBy::CompetentUnit => dossier.competent_unit(),
        }
    }
}

/// The counts of one row of form II.06a.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counts {
    /// (3) Received: (4) + (5) + (6).
    pub received: u64,
    /// (4) Received online in the period.
    pub received_online: u64,
    /// (5) Received at the desk or by post in the period.
    pub received_direct_postal: u64,
    /// (6) Carried over from before the period.
    pub carried_over: u64,
    /// (7) Resolved in the period: (8) + (9) + (10).
    pub resolved: u64,
    /// (8) Resolved early.
    pub early: u64,
    /// (9) Resolved on time.
    pub on_time: u64,
    /// (10) Resolved late.
    pub late: u64,
    /// (11) In progress at the end of the period: (12) + (13).
    pub in_progress: u64,
    /// (12) In progress, within time.
    pub within_time: u64,
    /// (13) In progress, overdue.
    pub overdue: u64,
    /// Withdrawn by the applicant in the period (part of (3), not of (7)
    /// or (11)).
    pub withdrawn: u64,
    /// Stopped (status 8 under the stop policy `end`) in the period: part
    /// of (3), not of (7) or (11), like withdrawn ones.
    pub stopped: u64,
    /// Refused after acceptance, found ineligible on appraisal, in the
    /// period: part of (3), not of (7) or (11).
    pub refused_after_appraisal: u64,
    /// Refused at reception in the period (never accepted; not in (3)).
    pub refused: u64,
}

impl Counts {
    pub(crate) fn add(&mut self, other: &Counts) {
        self.received += other.received;
        self.received_online += other.received_online;
        self.received_direct_postal += other.received_direct_postal;
        self.carried_over += other.carried_over;
        self.resolved += other.resolved;
        self.early += other.early;
        self.on_time += other.on_time;
        self.late += other.late;
        self.in_progress += other.in_progress;
        self.within_time += other.within_time;
        self.overdue += other.overdue;
        self.withdrawn += other.withdrawn;
        self.stopped += other.stopped;
        self.refused_after_appraisal += other.refused_after_appraisal;
        self.refused += other.refused;
    }

    /// The counts as `(name, value)` pairs, with the names and in the
    /// order the JSON writes them: for outputs built column by column,
    /// where a DataFrame of millions of rows read through the JSON took
    /// about 5 µs a row (`benches/python/bench_groups.py`, issue 19).
    pub fn columns(&self) -> [(&'static str, u64); 15] {
        [
            ("received", self.received),
            ("received_online", self.received_online),
            ("received_direct_postal", self.received_direct_postal),
            ("carried_over", self.carried_over),
            ("resolved", self.resolved),
            ("early", self.early),
            ("on_time", self.on_time),
            ("late", self.late),
            ("in_progress", self.in_progress),
            ("within_time", self.within_time),
            ("overdue", self.overdue),
            ("withdrawn", self.withdrawn),
            ("stopped", self.stopped),
            ("refused_after_appraisal", self.refused_after_appraisal),
            ("refused", self.refused),
        ]
    }

    /// Whether the identities of the form hold (they always do for counts
    /// built by [`PeriodReport`]; a check for counts from elsewhere).
    pub fn identities_hold(&self) -> bool {
        self.received == self.received_online + self.received_direct_postal + self.carried_over
            && self.resolved == self.early + self.on_time + self.late
            && self.in_progress == self.within_time + self.overdue
            && self.received
                == self.resolved
                    + self.in_progress
                    + self.withdrawn
                    + self.stopped
                    + self.refused_after_appraisal
    }

    /// Share of resolved dossiers resolved early or on time, in percent
    /// (`None` without resolved dossiers).
    pub fn on_time_rate(&self) -> Option<f64> {
        (self.resolved > 0)
            .then(|| 100.0 * (self.early + self.on_time) as f64 / self.resolved as f64)
    }
}

crate::labels::labelled! {
    /// Why a dossier is not in a report.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum Exclusion: "exclusion" {
        /// Received after the period.
        ReceivedAfter = "received_after",
        /// Ended before the period started.
        EndedBefore = "ended_before",
        /// Submitted but not accepted by the end of the period.
        NotAccepted = "not_accepted",
        /// A record whose facts contradict each other (an end without a kind,
        /// an end before the reception, a refusal with a reception).
        Inconsistent = "inconsistent",
    }
}

crate::labels::labelled! {
    /// How a dossier's processing ended, as a report needs it.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Ending: "ending" {
        /// Resolved (status 9, then possibly 10).
        Resolved = "resolved",
        /// Withdrawn by the applicant (7).
        Withdrawn = "withdrawn",
        /// Refused at reception (3), never accepted.
        Refused = "refused",
        /// Processing stopped (8) under the stop policy `end`.
        Stopped = "stopped",
        /// Refused after acceptance, found ineligible on appraisal (3 after 2,
        /// 4 or 5).
        RefusedAfterAppraisal = "refused_after_appraisal",
    }
}

/// The facts of one dossier that a period report reads: what the national
/// portal's dossier sync carries (reception, due date, end of processing),
/// so that tables exported by any system can be reported on without their
/// event logs. [`ReportRecord::from_dossier`] derives them from a log.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct ReportRecord {
    /// Reception channel.
    pub channel: Channel,
    /// Accepted at (`None`: submitted, not accepted).
    #[serde(default, with = "crate::calendar::iso::instant_opt")]
    pub received_at: Option<NaiveDateTime>,
    /// The legal due date in force at the end of the period (`None`:
    /// no deadline).
    #[serde(default, with = "crate::calendar::iso::instant_opt")]
    pub due_at: Option<NaiveDateTime>,
    /// When processing ended, and how.
    #[serde(default, with = "crate::calendar::iso::instant_opt")]
    pub ended_at: Option<NaiveDateTime>,
    /// How it ended.
    #[serde(default)]
    pub ending: Option<Ending>,
    /// Paused (statuses 5, 6, 8) at the end of the period (information only:
    /// `due_at` already carries the move of a pause in progress).
    #[serde(default)]
    pub paused: bool,
    /// Supplement requests so far (the index counts more than one as late).
    #[serde(default)]
    pub supplement_requests: u32,
    /// The facts the index counts (synced, digitised, paid online…);
    /// `None`: not recorded, and the index does not measure them.
    #[serde(default)]
    pub facts: Option<Facts>,
}

impl ReportRecord {
    /// Whether the facts agree with each other: an end has a kind and the
    /// reverse, an end is not before the reception, a refused dossier was
    /// never received.
    pub fn is_consistent(&self) -> bool {
        self.ended_at.is_some() == self.ending.is_some()
            && match (self.received_at, self.ended_at) {
                (Some(r), Some(e)) => e >= r,
                _ => true,
            }
            && !(self.ending == Some(Ending::Refused) && self.received_at.is_some())
            // Stopped and refused-after-appraisal dossiers were received.
            && !(matches!(
                self.ending,
                Some(Ending::Stopped | Ending::RefusedAfterAppraisal)
            ) && self.received_at.is_none())
    }

    /// The facts of a dossier as they stood at `as_of` (the end of a
    /// period), replayed from its log with the corrections made by then:
    /// a closed period's report does not change with a later correction
    /// unless it is re-run on [`Dossier::corrected`].
    pub fn from_dossier(dossier: &Dossier, as_of: NaiveDateTime) -> Result<Self> {
        let state = dossier.replay_until(as_of)?;
        let ending = match (state.status, state.received_at, state.ended_at) {
            (Some(Status::Resolved | Status::Returned), _, _) => Some(Ending::Resolved),
            (Some(Status::Withdrawn), _, _) => Some(Ending::Withdrawn),
            (Some(Status::Refused), None, _) => Some(Ending::Refused),
            (Some(Status::Refused), Some(_), _) => Some(Ending::RefusedAfterAppraisal),
            (Some(Status::Suspended), _, Some(_)) => Some(Ending::Stopped),
            _ => None,
        };
        let due_at = match progress(dossier.calendar(), &state, as_of)? {
            Some(p) => Some(p.effective_due),
            None => state.due_at,
        };
        Ok(Self {
            channel: dossier.channel(),
            received_at: state.received_at,
            due_at,
            ended_at: state.ended_at,
            ending,
            paused: state.paused_since.is_some() && ending.is_none(),
            supplement_requests: state.supplement_requests,
            facts: dossier.facts().map(|facts| {
                if dossier.procedure().has_fees() {
                    facts.with(Fact::FeeBearing)
                } else {
                    facts
                }
            }),
        })
    }
}

/// What adding a dossier or record to a report did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    /// Counted, with the counts it added.
    Counted(Counts),
    /// Left out, and why.
    Excluded(Exclusion),
}

/// The II.06a report of a period: one row of [`Counts`] per group. Its
/// JSON reads back (serde), so that partial reports computed apart (by
/// the workers of a distributed job) travel and [merge](Self::merge).
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodReport {
    /// The period.
    pub period: Period,
    /// How rows are grouped.
    pub group_by: GroupBy,
    /// The rows, by group key.
    pub rows: Rows,
    /// Dossiers left out, by reason (a map sorted by reason).
    pub excluded: LiteMap<Exclusion, u64>,
    /// The codes of the dossiers added ([`PeriodReport::add`]): one added
    /// again is `dossier.duplicate_code`, never counted twice. Not in the
    /// JSON (a province's quarter would carry 100,000 codes): a report read
    /// back knows the dossiers added since. Records
    /// ([`PeriodReport::add_record`]) carry no code and are not checked.
    #[serde(skip)]
    dossiers: std::collections::HashSet<DossierCode, rustc_hash::FxBuildHasher>,
}

impl PeriodReport {
    /// An empty report.
    pub fn new(period: Period, group_by: GroupBy) -> Self {
        Self {
            period,
            group_by,
            rows: Rows::default(),
            excluded: LiteMap::new(),
            dossiers: Default::default(),
        }
    }

    /// Counts a dossier (its log replayed to the end of the period) and
    /// returns its counts, or records why it is left out. Errors only for a log that does not
    /// replay.
    pub fn add(&mut self, dossier: &Dossier) -> Result<Added> {
        self.add_with_record(dossier).map(|(added, _)| added)
    }

    /// [`PeriodReport::add`], also returning the record it counted (for
    /// the index inputs that stream with the report).
    pub fn add_with_record(&mut self, dossier: &Dossier) -> Result<(Added, Option<ReportRecord>)> {
        if self.dossiers.contains(dossier.code()) {
            return Err(Error::new(
                ErrorKind::DuplicateDossierCode,
                format!(
                    "dossier {} was already added to this report: a dossier is counted once",
                    dossier.code()
                ),
            ));
        }
        let added = self.count_dossier(dossier)?;
        self.dossiers.insert(dossier.code().clone());
        Ok(added)
    }

    /// Counts a dossier not added before (see [`PeriodReport::add_with_record`]).
    fn count_dossier(&mut self, dossier: &Dossier) -> Result<(Added, Option<ReportRecord>)> {
        // The first event as known at the period's end (see `from_dossier`).
        let end = self.period.end();
        let history = crate::dossier::correction::corrected(dossier.events(), Some(end));
        if history.first().is_some_and(|e| e.at > end) {
            *self.excluded.entry(Exclusion::ReceivedAfter).or_insert(0) += 1;
            return Ok((Added::Excluded(Exclusion::ReceivedAfter), None));
        }
        let record = ReportRecord::from_dossier(dossier, self.period.end())?;
        let key = self.group_by.key(dossier);
        Ok((self.add_record(key, &record), Some(record)))
    }

    /// Counts one record under the group `key` (ignored for
    /// [`GroupBy::Total`]) and returns its counts, or records why it is
    /// left out. Records carry
    /// the facts as known now; one that ended after the period counts as
    /// in progress at its end.
    pub fn add_record(&mut self, key: &str, record: &ReportRecord) -> Added {
        let added = self.tally(record);
        if let Added::Counted(counts) = added {
            self.rows.add(self.row_key(key), &counts);
        }
        added
    }

    /// [`PeriodReport::add_record`] for a table whose group labels are
    /// coded: counts the record under the group of code `code` in `rows`,
    /// which [`PeriodReport::add_coded_rows`] then names into the report.
    pub fn add_coded_record(
        &mut self,
        rows: &mut CodedRows,
        code: u32,
        record: &ReportRecord,
    ) -> Added {
        let added = self.tally(record);
        if let Added::Counted(counts) = added {
            rows.add(code, &counts);
        }
        added
    }

    /// Adds `rows` (counted by [`PeriodReport::add_coded_record`]) to the
    /// report's rows, each code named by `labels`. Errors, changing
    /// nothing, for a code past the labels.
    ///
    /// Borrowed labels (`&[String]`) are copied into the rows' keys; owned
    /// ones (`Vec<String>`) are moved, which a table counted whole can do:
    /// a copy of 10 M distinct labels is 10 M allocations, about 560 MB
    /// (a 24-byte `String` and a 32-byte heap block each), and fresh memory
    /// is slow to write on virtual machines
    /// (`benches/python/bench_groups.py`).
    pub fn add_coded_rows<'a>(
        &mut self,
        rows: CodedRows,
        labels: impl Into<Cow<'a, [String]>>,
    ) -> Result<()> {
        // The keys are made first, then moved in: with each copy made
        // between two insertions, 4 M distinct keys took three times as
        // long on this machine (the allocations interleaved with the
        // map's random writes).
        let keys = rows.keys(labels.into())?;
        let keys = keys.into_iter().map(|key| self.row_key(key)).collect();
        self.rows.add_rows(keys, rows.into_counts());
        Ok(())
    }

    /// The row a group key counts in (a `&str` or a `String`): the one row
    /// of [`GroupBy::Total`], whatever the key.
    fn row_key<K: Default>(&self, key: K) -> K {
        if self.group_by == GroupBy::Total {
            K::default()
        } else {
            key
        }
    }

    /// Classifies a record: its counts, or why it is left out (then
    /// counted among the exclusions).
    fn tally(&mut self, record: &ReportRecord) -> Added {
        match self.classify(record) {
            Ok(counts) => Added::Counted(counts),
            Err(e) => {
                *self.excluded.entry(e).or_insert(0) += 1;
                Added::Excluded(e)
            }
        }
    }

    fn classify(&self, r: &ReportRecord) -> std::result::Result<Counts, Exclusion> {
        if !r.is_consistent() {
            return Err(Exclusion::Inconsistent);
        }
        let (start, end) = (self.period.start(), self.period.end());
        let ended = r.ended_at.filter(|t| *t <= end);
        let mut c = Counts::default();
        if r.ending == Some(Ending::Refused) {
            return match ended {
                Some(t) if t >= start => {
                    c.refused = 1;
                    Ok(c)
                }
                Some(_) => Err(Exclusion::EndedBefore),
                None if r.ended_at.is_some() => Err(Exclusion::ReceivedAfter),
                None => Err(Exclusion::NotAccepted),
            };
        }
        let Some(received) = r.received_at else {
            return Err(Exclusion::NotAccepted);
        };
        if received > end {
            return Err(Exclusion::ReceivedAfter);
        }
        if ended.is_some_and(|t| t < start) {
            return Err(Exclusion::EndedBefore);
        }
        c.received = 1;
        if received < start {
            c.carried_over = 1;
        } else if r.channel == Channel::Online {
            c.received_online = 1;
        } else {
            c.received_direct_postal = 1;
        }
        match (ended, r.ending) {
            (Some(_), Some(Ending::Withdrawn)) => c.withdrawn = 1,
            (Some(_), Some(Ending::Stopped)) => c.stopped = 1,
            (Some(_), Some(Ending::RefusedAfterAppraisal)) => c.refused_after_appraisal = 1,
            (Some(end_at), _) => {
                c.resolved = 1;
                match judge(end_at, r.due_at, Granularity::Date) {
                    Timeliness::Early => c.early = 1,
                    Timeliness::OnTime => c.on_time = 1,
                    Timeliness::Late => c.late = 1,
                }
            }
            (None, _) => {
                c.in_progress = 1;
                // By date, as reports count: overdue when the due date (moved by any
                // pause in progress) is before the period's last day.
                let overdue = judge(self.period.end(), r.due_at, Granularity::Date);
                if overdue == Timeliness::Late {
                    c.overdue = 1;
                } else {
                    c.within_time = 1;
                }
            }
        }
        Ok(c)
    }

    /// Adds `other`, the report of other dossiers (another partition of
    /// the data), row by row: merging is associative and commutative, and
    /// merging the reports of the parts gives the report of the whole, as
    /// long as each dossier is in one part only. Errors with
    /// [`ErrorKind::InvalidArgument`], changing nothing, when the periods
    /// or the groupings differ: their counts do not add up.
    pub fn merge(&mut self, other: &PeriodReport) -> Result<()> {
        if self.period != other.period || self.group_by != other.group_by {
            return Err(Error::new(
                ErrorKind::InvalidArgument,
                format!(
                    "cannot merge the report of {} by {} into the report of {} by {}",
                    other.period, other.group_by, self.period, self.group_by
                ),
            ));
        }
        if let Some(code) = other.dossiers.iter().find(|c| self.dossiers.contains(*c)) {
            return Err(Error::new(
                ErrorKind::DuplicateDossierCode,
                format!("dossier {code} is in both reports: a dossier is counted once"),
            ));
        }
        self.dossiers.extend(other.dossiers.iter().cloned());
        self.rows.add_all(&other.rows);
        for (exclusion, n) in other.excluded.iter() {
            let mine = self.excluded.entry(*exclusion).or_insert(0);
            *mine = mine.saturating_add(*n);
        }
        Ok(())
    }

    /// The sum of all rows.
    pub fn total(&self) -> Counts {
        let mut t = Counts::default();
        for c in self.rows.values() {
            t.add(c);
        }
        t
    }

    /// Dossiers counted (in column 3 or refused).
    pub fn counted(&self) -> u64 {
        let t = self.total();
        t.received + t.refused
    }
}
