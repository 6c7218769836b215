//! What the national portal counts of a dossier beyond its clock: synced,
//! digitised, paid online, rated… Each is one [`Fact`]; a dossier's
//! [`Facts`] are a small set of them, so that the report pass streams them
//! with the clock's figures at the cost of a few additions per dossier.
//!
//! The portal's 2026 scoring (`crate::index::Methodology::dvcqg_2026_10`)
//! reads each of these over the dossiers received or processed in the
//! period; the fact → indicator mapping is in each variant's doc.
//!
//! Policy `facts_as_known`: a fact is read as known when the report is
//! made, not replayed to the end of the period like the clock (the
//! portal too scores each month from the flags its database holds on the
//! day it computes). A dossier with no facts recorded at all is **not
//! measured** on these indicators, never counted as "none of them".

use serde::{Serialize, Serializer};

crate::labels::labelled! {
    /// One fact about a dossier, with the indicator it feeds.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Fact: "dossier fact" {
        /// Synced to the national portal (`DOSSIER_SYNC`).
        Synced = "synced",
        /// The result was issued electronically
        /// (`ORIGINAL_RESULT_AVAILABLE`).
        ElectronicResult = "electronic_result",
        /// Its components were digitised (`SO_HOA_GIAY_TO_GIAI_QUYET`).
        Digitised = "digitised",
        /// Data digitised earlier was reused (`REUSED_DIGITIZED_DATA`).
        Reused = "reused",
        /// Its digitised data went to the citizen's data store on the
        /// national portal (`SYNCED_WITH_DVCQG_PERSONAL_STORAGE`).
        Shared = "shared",
        /// Population data or VNeID was used
        /// (`CITIZEN_DATA_CONNECTED_DOSSIER`).
        PopulationData = "population_data",
        /// It carries a financial obligation (fee or charge above zero);
        /// set from the procedure's fees, or noted for a dossier whose
        /// obligation the procedure alone does not show
        /// (`ONLINE_PAYMENT_DOSSIERS`' denominator).
        FeeBearing = "fee_bearing",
        /// Its obligation was paid online (`ONLINE_PAYMENT_DOSSIERS`).
        PaidOnline = "paid_online",
        /// An electronic certified copy from an original was requested
        /// (`ELECTRONIC_CERTIFIED_COPY`' denominator; its numerator is
        /// those with an electronic result).
        CertifiedCopy = "certified_copy",
        /// The applicant complained or rated the handling "dislike"
        /// (`DOSSIER_RECEIVING_SATISFACTION`).
        Complaint = "complaint",
    }
}

// A fact is a bit of a `u16`, and the index counts each combination with
// its timeliness (2^(facts + 1) counters): room for 15 facts.
const _: () = assert!(Fact::ALL.len() <= 15);

/// A set of [`Fact`]s, one bit each.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Facts(u16);

impl Facts {
    /// No fact.
    pub const NONE: Facts = Facts(0);

    fn bit(fact: Fact) -> u16 {
        1 << (fact as u16)
    }

    /// Whether `fact` is in the set.
    pub fn contains(self, fact: Fact) -> bool {
        self.0 & Self::bit(fact) != 0
    }

    /// The set with `fact` added.
    #[must_use]
    pub fn with(self, fact: Fact) -> Self {
        Self(self.0 | Self::bit(fact))
    }

    /// The facts in the set, in the order of [`Fact::ALL`].
    pub fn iter(self) -> impl Iterator<Item = Fact> {
        Fact::ALL.iter().copied().filter(move |&f| self.contains(f))
    }

    /// The bits, in the order of [`Fact::ALL`] (bit `i` is `Fact::ALL[i]`),
    /// for counters that add every fact of a dossier in one loop.
    pub(crate) fn bits(self) -> u16 {
        self.0
    }

    /// The set of `bits` (bits past the last fact are dropped).
    pub(crate) fn from_bits(bits: usize) -> Self {
        Self((bits & ((1 << Fact::ALL.len()) - 1)) as u16)
    }
}

impl FromIterator<Fact> for Facts {
    fn from_iter<I: IntoIterator<Item = Fact>>(iter: I) -> Self {
        iter.into_iter().fold(Self::NONE, Self::with)
    }
}

/// Written as the list of labels, `["synced", "paid_online"]`.
impl Serialize for Facts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}
