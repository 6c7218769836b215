//! Corrections of a dossier's append-only log: an entry recorded in error
//! (a mistyped instant, the wrong event) is voided or amended by a new
//! entry that names it, and the clock replays the log as corrected. Both
//! entries stay in the log, so nothing recorded is lost: the JSON, the
//! explanation and the portal's progress show the original flagged and
//! the correction with its author and reason.
//!
//! No rule found in the one-stop decrees this library follows (see
//! [`crate::law`]) says how an electronic system corrects its records, so
//! the rules below are the product's policies, named so that a center can
//! point to them (and change them, should a rule be issued):
//!
//! - **CORRECTION_TARGET**: a correction names an earlier lifecycle entry of
//!   the log by its index. A correction cannot be corrected, and a voided
//!   entry stays voided (record the event anew); an amended entry may be
//!   amended again or voided, and its latest correction counts.
//! - **CORRECTION_ACCOUNTED**: a correction has a reason and an actor (the
//!   authorised officer), neither empty.
//! - **CORRECTION_TIME**: a correction is dated when it was made. It is not
//!   dated before any event of the history it leaves, and no entry after
//!   it (event or correction) is dated before it. So the figures at an
//!   instant, read with the corrections made by then
//!   ([`corrected`] with `known_at`), always replay a history that the log
//!   once stood for: a report of a closed period does not change when a
//!   later correction is made, unless it is re-run on the corrected log
//!   ([`super::Dossier::corrected`]).
//! - A correction that leaves a history the clock does not replay (an
//!   event before its predecessor, a transition the table forbids) is
//!   refused with the replay's own error, naming the entry; nothing is
//!   recorded.

use std::borrow::Cow;

use chrono::NaiveDateTime;
use serde::Serialize;

use super::event::{Event, EventKind};
use crate::error::{Error, ErrorKind, Result};

/// What the corrections made an entry of the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fate<'a> {
    /// A lifecycle entry that counts as recorded.
    Kept,
    /// A lifecycle entry voided by the correction at this index.
    Voided(usize),
    /// A lifecycle entry that counts as `corrected`, by the correction at
    /// this index (the latest).
    Amended(usize, &'a Event),
    /// A correction.
    Correction,
}

/// The fate of each entry of `events` under the corrections made by
/// `known_at` (all of them with `None`). The log was checked when each
/// correction was appended, so its targets are earlier lifecycle entries.
pub(crate) fn fates(events: &[Event], known_at: Option<NaiveDateTime>) -> Vec<Fate<'_>> {
    let mut fates: Vec<Fate<'_>> = events
        .iter()
        .map(|e| match e.kind.correction() {
            Some(_) => Fate::Correction,
            None => Fate::Kept,
        })
        .collect();
    for (i, e) in events.iter().enumerate() {
        if known_at.is_some_and(|known| e.at > known) {
            continue;
        }
        let fate = match &e.kind {
            EventKind::Voided { event, .. } => (*event, Fate::Voided(i)),
            EventKind::Amended {
                event, corrected, ..
            } => (*event, Fate::Amended(i, corrected)),
            _ => continue,
        };
        if let Some(slot) = fates.get_mut(fate.0) {
            *slot = fate.1;
        }
    }
    fates
}

/// An entry of the log as shown (the JSON of a dossier, the bindings'
/// `events`): the event as recorded and, on an entry a correction voided
/// or amended, `voided_by` or `amended_by` naming the correction by its
/// index. The flags are derived: a reader of the JSON ignores them, the
/// corrections themselves being the record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LogEntry<'a> {
    /// The entry as recorded.
    #[serde(flatten)]
    pub event: &'a Event,
    /// The correction that voided it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub voided_by: Option<usize>,
    /// The correction that amended it (the latest).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amended_by: Option<usize>,
}

/// The entries of `events` with their flags.
pub(crate) fn log(events: &[Event]) -> Vec<LogEntry<'_>> {
    events
        .iter()
        .zip(fates(events, None))
        .map(|(event, fate)| LogEntry {
            event,
            voided_by: match fate {
                Fate::Voided(by) => Some(by),
                _ => None,
            },
            amended_by: match fate {
                Fate::Amended(by, _) => Some(by),
                _ => None,
            },
        })
        .collect()
}

/// Whether any entry is a correction: without one, the history is the
/// log itself, borrowed.
fn has_corrections(events: &[Event]) -> bool {
    events.iter().any(|e| e.kind.correction().is_some())
}

/// The history the log stands for with the corrections made by `known_at`
/// (all with `None`): its lifecycle entries in log order, each left out
/// when voided or replaced by its latest amendment, with its index in the
/// log.
pub(crate) fn history(events: &[Event], known_at: Option<NaiveDateTime>) -> Vec<(usize, &Event)> {
    fates(events, known_at)
        .into_iter()
        .zip(events)
        .enumerate()
        .filter_map(|(i, (fate, e))| match fate {
            Fate::Kept => Some((i, e)),
            Fate::Amended(_, corrected) => Some((i, corrected)),
            Fate::Voided(_) | Fate::Correction => None,
        })
        .collect()
}

/// [`history`] as events, what the clock replays: the log itself when it
/// has no correction.
pub(crate) fn corrected(events: &[Event], known_at: Option<NaiveDateTime>) -> Cow<'_, [Event]> {
    if !has_corrections(events) {
        return Cow::Borrowed(events);
    }
    Cow::Owned(
        history(events, known_at)
            .into_iter()
            .map(|(_, e)| e.clone())
            .collect(),
    )
}

fn invalid(message: String) -> Error {
    Error::new(ErrorKind::InvalidCorrection, message)
}

/// Checks an entry appended to `events`, whose latest correction is dated
/// `latest`, against it (CORRECTION_TIME), and a correction against its
/// target (CORRECTION_TARGET, CORRECTION_ACCOUNTED). The history a
/// correction leaves is checked by replaying it, by the caller.
pub(crate) fn check(events: &[Event], latest: Option<NaiveDateTime>, entry: &Event) -> Result<()> {
    if let Some(latest) = latest.filter(|&c| entry.at < c) {
        return Err(Error::new(
            ErrorKind::EventOutOfOrder,
            format!(
                "a {} entry at {} comes before the correction at {latest}: entries after a correction are dated after it",
                entry.kind.code(),
                entry.at
            ),
        ));
    }
    let Some((target, reason)) = entry.kind.correction() else {
        return Ok(());
    };
    let code = entry.kind.code();
    if reason.trim().is_empty() {
        return Err(invalid(format!("a {code} correction needs a reason")));
    }
    if entry.actor.trim().is_empty() {
        return Err(invalid(format!(
            "a {code} correction needs the actor who made it"
        )));
    }
    let Some(original) = events.get(target) else {
        return Err(invalid(format!(
            "a {code} correction names entry {target}, and the log has {} entries",
            events.len()
        )));
    };
    if original.kind.correction().is_some() {
        return Err(invalid(format!(
            "entry {target} is a correction ({}): a correction cannot be corrected; correct entry {} instead",
            original.kind.code(),
            original.kind.correction().map_or(0, |(t, _)| t)
        )));
    }
    if let Fate::Voided(by) = fates(events, None)[target] {
        return Err(invalid(format!(
            "entry {target} ({}) was voided by entry {by}: record the event anew instead",
            original.kind.code()
        )));
    }
    if let EventKind::Amended { corrected, .. } = &entry.kind {
        if corrected.kind.correction().is_some() {
            return Err(invalid(format!(
                "entry {target} cannot be amended into a correction ({})",
                corrected.kind.code()
            )));
        }
    }
    Ok(())
}
