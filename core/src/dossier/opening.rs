//! Opening a dossier: the one decision every front door (a Rust service,
//! the Python constructor, the JS constructor) takes the same way.

use std::sync::Arc;

use chrono::NaiveDateTime;

use super::{Applicant, Dossier, DossierCode};
use crate::calendar::Calendar;
use crate::error::{Error, ErrorKind, Result};
use crate::procedure::{Channel, Procedure};

/// What a dossier is opened with. A counter reception has `received_at`
/// alone; an online or postal submission has `submitted_at`, and also
/// `received_at` when it was accepted at once.
#[derive(Debug, Clone)]
pub struct Opening {
    /// The procedure applied for.
    pub procedure: Arc<Procedure>,
    /// The dossier's code.
    pub code: DossierCode,
    /// How it was submitted.
    pub channel: Channel,
    /// When it was submitted (online, postal), if before its acceptance.
    pub submitted_at: Option<NaiveDateTime>,
    /// When it was accepted: the clock starts.
    pub received_at: Option<NaiveDateTime>,
    /// Who recorded the opening events.
    pub actor: String,
    /// The applicant, when known.
    pub applicant: Option<Applicant>,
}

impl Opening {
    /// An opening of `procedure` under `code` through the counter, with
    /// neither instant yet: set `received_at` or `submitted_at`.
    pub fn new(procedure: Arc<Procedure>, code: DossierCode) -> Self {
        Self {
            procedure,
            code,
            channel: Channel::Direct,
            submitted_at: None,
            received_at: None,
            actor: String::new(),
            applicant: None,
        }
    }
}

impl Dossier {
    /// Opens a dossier on `calendar`: submitted at `submitted_at` (and
    /// accepted at `received_at`, if given), or received at `received_at`.
    /// An opening with neither instant is `invalid_argument`: a dossier's
    /// log starts with its submission or its reception.
    pub fn open(calendar: &Calendar, opening: Opening) -> Result<Self> {
        let Opening {
            procedure,
            code,
            channel,
            submitted_at,
            received_at,
            actor,
            applicant,
        } = opening;
        let mut dossier = match (submitted_at, received_at) {
            (Some(submitted), received) => {
                let mut d = Self::submit(procedure, calendar, code, channel, submitted, &actor)?;
                if let Some(received) = received {
                    d.accept(received, &actor)?;
                }
                d
            }
            (None, Some(received)) => {
                Self::receive(procedure, calendar, code, channel, received, &actor)?
            }
            (None, None) => {
                return Err(Error::new(
                    ErrorKind::InvalidArgument,
                    "a dossier needs its reception instant (accepted) or its submission \
                     instant (not yet accepted)",
                ))
            }
        };
        dossier.set_applicant(applicant);
        Ok(dossier)
    }
}
