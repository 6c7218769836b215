//! Dossier codes (mã số hồ sơ): `AGENCY-YYMMDD-SEQ`.
//!
//! - **Current rule** ([`CodeRule::Current`]), Circular 03/2025/TT-VPCP
//!   Art. 13 (guiding Decree 118/2025/NĐ-CP; in force with it from
//!   01/07/2025): AGENCY is the receiving unit's electronic identifier
//!   under Decision 20/2020/QĐ-TTg (22/07/2020), dot-separated groups of
//!   upper-case letters and digits, at most 35 characters (province-first
//!   since the 2025 reorganisation, e.g. `H15.50.05.12`, `H21.17`; the
//!   older `000.00.06.H56` form of the archives fits the same grammar),
//!   then the reception date and a sequence per unit per day of **at least
//!   4 digits**.
//! - **Centrally run systems** ([`CodeRule::Central`]), Art. 13(3) added by
//!   Circular 04/2025/TT-VPCP (08/12/2025, in force 25/01/2026):
//!   `ID-YYMMDD-AAXXXX`, AA the two digits of the ministry that runs the
//!   system, XXXX a sequence of at least 4 digits.
//! - **Legacy rule** ([`CodeRule::Legacy`]), Circular 01/2018/TT-VPCP Art.
//!   19, for dossiers of its time: agency `DDD.DD.DD.LDD`, exactly 4 digits,
//!   so the 10,000th code of a day is an error.
//!
//! The grammar of QĐ 20/2020 and the texts of Circulars 03/2025 and 04/2025
//! were read in secondary summaries only: the rules above are what they
//! report, and every check names the part of the code it refuses.

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};

use crate::calendar::iso;
use serde::{Serialize, Serializer};

use crate::error::{Error, ErrorKind, Result};

crate::labels::labelled! {
    /// Which rule a dossier code follows (see the module's documentation).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    #[non_exhaustive]
    pub enum CodeRule: "dossier code rule" {
        /// Circular 03/2025/TT-VPCP Art. 13: electronic identifier, sequence of
        /// at least 4 digits.
        #[default]
        Current = "current",
        /// Circular 03/2025/TT-VPCP Art. 13(3) (Circular 04/2025/TT-VPCP): a
        /// centrally run system, the sequence prefixed by the ministry's two
        /// digits.
        Central = "central",
        /// Circular 01/2018/TT-VPCP Art. 19: `DDD.DD.DD.LDD`, exactly 4 digits.
        Legacy = "legacy",
    }
}

impl CodeRule {
    /// The largest sequence the rule's digits hold.
    const fn max_sequence(self) -> u32 {
        match self {
            CodeRule::Legacy => 9_999,
            CodeRule::Current | CodeRule::Central => MAX_SEQUENCE,
        }
    }
}

/// The largest sequence of the current rule: "at least 4 digits" sets no
/// maximum; nine digits keep every code in a `u32` and far beyond a day's
/// dossiers.
const MAX_SEQUENCE: u32 = 999_999_999;

/// The longest electronic identifier (Decision 20/2020/QĐ-TTg).
const MAX_AGENCY_LEN: usize = 35;

/// A dossier code.
///
/// ```
/// use motcua::dossier::DossierCode;
///
/// let code: DossierCode = "H15.50.05.12-260917-1436".parse()?;
/// assert_eq!(code.agency(), "H15.50.05.12");
/// assert_eq!(code.sequence(), 1436);
/// // The older form of the archives is read too.
/// let old: DossierCode = "000.00.06.H56-231027-0361".parse()?;
/// assert_eq!(old.to_string(), "000.00.06.H56-231027-0361");
/// # Ok::<(), motcua::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DossierCode {
    agency: String,
    date: NaiveDate,
    ministry: Option<u8>,
    sequence: u32,
}

fn invalid(text: &str, why: &str) -> Error {
    let shown: String = text.chars().take(40).collect();
    Error::new(
        ErrorKind::InvalidDossierCode,
        format!("{shown:?} is not a dossier code AGENCY-YYMMDD-SEQ (e.g. H15.50.05.12-260917-1436): {why}"),
    )
}

/// Why `agency` is not an identifier of `rule`, or `None` when it is one.
fn agency_problem(agency: &str, rule: CodeRule) -> Option<&'static str> {
    if rule == CodeRule::Legacy {
        let parts: Vec<&str> = agency.split('.').collect();
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        let legacy = parts.len() == 4
            && digits(parts[0], 3)
            && digits(parts[1], 2)
            && digits(parts[2], 2)
            && parts[3].len() == 3
            && parts[3].as_bytes()[0].is_ascii_uppercase()
            && digits(&parts[3][1..], 2);
        return (!legacy).then_some("Circular 01/2018 agency codes look like 000.00.06.H56");
    }
    if agency.is_empty() {
        return Some("the agency identifier is empty");
    }
    if agency.len() > MAX_AGENCY_LEN {
        return Some("the agency identifier is longer than 35 characters");
    }
    if agency.split('.').any(str::is_empty) {
        return Some("the agency identifier has an empty group between dots");
    }
    if !agency
        .bytes()
        .all(|b| b == b'.' || b.is_ascii_uppercase() || b.is_ascii_digit())
    {
        return Some("the agency identifier holds only A-Z, 0-9 and dots");
    }
    None
}

/// Why `unit` is not an electronic identifier of Decision 20/2020/QĐ-TTg,
/// or `None` when it is one.
pub(crate) fn unit_problem(unit: &str) -> Option<&'static str> {
    agency_problem(unit, CodeRule::Current)
}

impl DossierCode {
    /// A code of the current rule from its parts; errors for an agency that
    /// is not an electronic identifier, a date outside 2000–2099 or a
    /// sequence outside 1..=999,999,999.
    pub fn new(agency: &str, date: NaiveDate, sequence: u32) -> Result<Self> {
        Self::with_rule(agency, date, None, sequence, CodeRule::Current)
    }

    /// A code of `rule`; `ministry` (0–99) is the owning ministry of a
    /// centrally run system and is required by [`CodeRule::Central`] only.
    pub fn with_rule(
        agency: &str,
        date: NaiveDate,
        ministry: Option<u8>,
        sequence: u32,
        rule: CodeRule,
    ) -> Result<Self> {
        if let Some(why) = agency_problem(agency, rule) {
            return Err(invalid(agency, why));
        }
        if !(2000..=2099).contains(&date.year()) {
            return Err(invalid(
                &date.to_string(),
                "the date must be in 2000–2099 (two-digit year)",
            ));
        }
        match (rule, ministry) {
            (CodeRule::Central, Some(m)) if m < 100 => {}
            (CodeRule::Central, _) => {
                return Err(invalid(
                    agency,
                    "a centrally run system's code needs its ministry's two digits (0-99)",
                ))
            }
            (_, Some(_)) => {
                return Err(invalid(
                    agency,
                    "only a centrally run system's code has a ministry prefix",
                ))
            }
            (_, None) => {}
        }
        if !(1..=rule.max_sequence()).contains(&sequence) {
            return Err(Error::new(
                ErrorKind::SequenceExhausted,
                match rule {
                    CodeRule::Legacy => format!(
                        "sequence {sequence} does not fit Circular 01/2018's 4 digits (1 to 9999)"
                    ),
                    _ => format!("sequence {sequence} is outside 1 to {MAX_SEQUENCE}"),
                },
            ));
        }
        Ok(Self {
            agency: agency.to_owned(),
            date,
            ministry,
            sequence,
        })
    }

    /// Parses and validates a code of the current rule (Circular 03/2025
    /// Art. 13), which also reads the archives' `000.00.06.H56-…` codes.
    pub fn parse(text: &str) -> Result<Self> {
        Self::parse_with(text, CodeRule::Current)
    }

    /// Parses a code of whichever rule reads it, the current one first,
    /// then a centrally run system's, then the legacy one: what a reader of
    /// codes from many systems (the national portal's payloads) accepts.
    /// The error is the current rule's.
    ///
    /// ```
    /// use motcua::dossier::DossierCode;
    ///
    /// // Ministry 07's system: its text is no current-rule code.
    /// assert_eq!(DossierCode::parse_any("H15.50.05.12-260917-071436")?.ministry(), Some(7));
    /// assert_eq!(DossierCode::parse_any("000.00.06.H56-231027-0361")?.ministry(), None);
    /// # Ok::<(), motcua::Error>(())
    /// ```
    pub fn parse_any(text: &str) -> Result<Self> {
        let current = Self::parse(text);
        if current.is_ok() {
            return current;
        }
        CodeRule::ALL[1..]
            .iter()
            .find_map(|rule| Self::parse_with(text, *rule).ok())
            .map_or(current, Ok)
    }

    /// Parses and validates a code of `rule`.
    ///
    /// ```
    /// use motcua::dossier::{CodeRule, DossierCode};
    ///
    /// let central = DossierCode::parse_with("H15.50.05.12-260917-071436", CodeRule::Central)?;
    /// assert_eq!((central.ministry(), central.sequence()), (Some(7), 1436));
    /// let err = DossierCode::parse_with("H15.50.05.12-260917-1436", CodeRule::Legacy).unwrap_err();
    /// assert_eq!(err.code(), "dossier.invalid_code");
    /// # Ok::<(), motcua::Error>(())
    /// ```
    pub fn parse_with(text: &str, rule: CodeRule) -> Result<Self> {
        let mut parts = text.rsplitn(3, '-');
        let (seq, date, agency) = match (parts.next(), parts.next(), parts.next()) {
            (Some(s), Some(d), Some(a)) => (s, d, a),
            _ => return Err(invalid(text, "expected three parts separated by '-'")),
        };
        if let Some(why) = agency_problem(agency, rule) {
            return Err(invalid(text, why));
        }
        if date.len() != 6 || !date.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid(text, "the date must be 6 digits YYMMDD"));
        }
        let date = iso::parse_layout(&format!("20{date}"), "YYYYMMDD")
            .map(|t| t.date())
            .ok_or_else(|| invalid(text, "the date YYMMDD does not exist"))?;
        if seq.is_empty() || !seq.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid(text, "the sequence must be digits"));
        }
        let (ministry, digits) = match rule {
            CodeRule::Central if seq.len() >= 6 => (seq[..2].parse::<u8>().ok(), &seq[2..]),
            CodeRule::Central => return Err(invalid(
                text,
                "a centrally run system's sequence is the ministry's 2 digits and at least 4 more",
            )),
            _ => (None, seq),
        };
        match rule {
            CodeRule::Legacy if digits.len() != 4 => {
                return Err(invalid(
                    text,
                    "Circular 01/2018 sequences are exactly 4 digits",
                ))
            }
            _ if digits.len() < 4 => {
                return Err(invalid(text, "the sequence must be at least 4 digits"))
            }
            _ if digits.len() > 4 && digits.starts_with('0') => {
                return Err(invalid(
                    text,
                    "a sequence longer than 4 digits has no leading zero",
                ))
            }
            _ if digits.len() > 9 => {
                return Err(invalid(text, "the sequence is longer than 9 digits"))
            }
            _ => {}
        }
        let sequence: u32 = digits.parse().map_err(|_| invalid(text, "bad sequence"))?;
        if sequence == 0 {
            return Err(invalid(text, "sequences start at 0001"));
        }
        Ok(Self {
            agency: agency.to_owned(),
            date,
            ministry,
            sequence,
        })
    }

    /// The receiving agency's electronic identifier.
    pub fn agency(&self) -> &str {
        &self.agency
    }

    /// The reception date.
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// The owning ministry's two digits, for a centrally run system's code.
    pub fn ministry(&self) -> Option<u8> {
        self.ministry
    }

    /// The sequence number within the agency's day, from 1.
    pub fn sequence(&self) -> u32 {
        self.sequence
    }

    /// The rule a reader needs besides the text to read this code back:
    /// [`CodeRule::Central`] for a ministry-prefixed code, else `None`
    /// (every other code reads back by the current rule).
    pub fn rule_to_read(&self) -> Option<CodeRule> {
        self.ministry.map(|_| CodeRule::Central)
    }
}

impl fmt::Display for DossierCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.date;
        write!(
            f,
            "{}-{:02}{:02}{:02}-",
            self.agency,
            d.year() % 100,
            d.month(),
            d.day(),
        )?;
        if let Some(ministry) = self.ministry {
            write!(f, "{ministry:02}")?;
        }
        write!(f, "{:04}", self.sequence)
    }
}

impl FromStr for DossierCode {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        Self::parse(s)
    }
}

impl Serialize for DossierCode {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Issues dossier codes: a sequence per agency per day, from 0001, by the
/// current rule ([`DossierCodeGenerator::new`]: the 10,000th code of a day
/// is `-10000`), for a centrally run system
/// ([`DossierCodeGenerator::central`]) or by the strict legacy rule
/// ([`DossierCodeGenerator::legacy`]: the 10,000th code is an error, not a
/// wrap). Codes issued elsewhere can be registered so that sequences
/// continue and duplicates are caught.
#[derive(Debug, Clone, Default)]
pub struct DossierCodeGenerator {
    rule: CodeRule,
    /// The owning ministry of a centrally run system.
    ministry: Option<u8>,
    /// Every code issued or registered, as (day, agency, sequence): the
    /// last sequence of an agency's day is the last of its range. A B-tree,
    /// so that registering any number of codes in any order costs
    /// O(n log n): the sorted list it replaced (3.7 KB smaller in the WASM
    /// module) moved every later entry on each insertion, O(n²) for codes
    /// registered agency by agency or a day's codes in falling order.
    issued: BTreeSet<(NaiveDate, String, u32)>,
}

impl DossierCodeGenerator {
    /// An empty generator of the current rule (Circular 03/2025 Art. 13).
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty generator of the strict legacy rule (Circular 01/2018 Art.
    /// 19): agencies `DDD.DD.DD.LDD`, exactly 4 digits.
    pub fn legacy() -> Self {
        Self {
            rule: CodeRule::Legacy,
            ..Self::default()
        }
    }

    /// An empty generator for a system run centrally by the ministry whose
    /// two digits are `ministry` (Circular 04/2025); `invalid_argument` past
    /// 99.
    pub fn central(ministry: u8) -> Result<Self> {
        if ministry > 99 {
            return Err(Error::new(
                ErrorKind::InvalidArgument,
                format!("ministry {ministry} is not two digits (0-99)"),
            ));
        }
        Ok(Self {
            rule: CodeRule::Central,
            ministry: Some(ministry),
            ..Self::default()
        })
    }

    /// An empty generator of `rule`: `ministry` is required by
    /// [`CodeRule::Central`] and refused by the others
    /// (`invalid_argument`).
    pub fn for_rule(rule: CodeRule, ministry: Option<u8>) -> Result<Self> {
        match (rule, ministry) {
            (CodeRule::Central, Some(m)) => Self::central(m),
            (CodeRule::Central, None) => Err(Error::new(
                ErrorKind::InvalidArgument,
                "a centrally run system's generator needs its ministry's two digits",
            )),
            (_, Some(_)) => Err(Error::new(
                ErrorKind::InvalidArgument,
                format!("a {} generator takes no ministry", rule.code()),
            )),
            (rule, None) => Ok(Self {
                rule,
                ..Self::default()
            }),
        }
    }

    /// The rule of the codes it issues.
    pub fn rule(&self) -> CodeRule {
        self.rule
    }

    /// The next code of `agency` for `date`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use motcua::dossier::DossierCodeGenerator;
    ///
    /// let mut codes = DossierCodeGenerator::new();
    /// let day = NaiveDate::from_ymd_opt(2023, 10, 27).unwrap();
    /// assert_eq!(codes.next("000.00.06.H56", day)?.to_string(), "000.00.06.H56-231027-0001");
    /// assert_eq!(codes.next("000.00.06.H56", day)?.to_string(), "000.00.06.H56-231027-0002");
    /// # Ok::<(), motcua::Error>(())
    /// ```
    pub fn next(&mut self, agency: &str, date: NaiveDate) -> Result<DossierCode> {
        let key = agency.to_owned();
        let last = self
            .issued
            .range((date, key.clone(), 0)..=(date, key, u32::MAX))
            .next_back()
            .map_or(0, |&(_, _, sequence)| sequence);
        let code = DossierCode::with_rule(agency, date, self.ministry, last + 1, self.rule)?;
        self.register(code.clone())?;
        Ok(code)
    }

    /// Records a code issued elsewhere; a code already issued is a
    /// `dossier.duplicate_code` error, and one the generator's rule could
    /// not issue is `dossier.invalid_code` (another rule's agency form or
    /// ministry) or `dossier.sequence_exhausted` (a legacy generator given a
    /// 5-digit sequence); none of them changes anything.
    pub fn register(&mut self, code: DossierCode) -> Result<()> {
        DossierCode::with_rule(
            &code.agency,
            code.date,
            code.ministry,
            code.sequence,
            self.rule,
        )?;
        if self.rule == CodeRule::Central && code.ministry != self.ministry {
            return Err(invalid(
                &code.to_string(),
                "the code is of another ministry's system than this generator's",
            ));
        }
        if self
            .issued
            .insert((code.date, code.agency.clone(), code.sequence))
        {
            Ok(())
        } else {
            Err(Error::new(
                ErrorKind::DuplicateDossierCode,
                format!("dossier code {code} is already in use"),
            ))
        }
    }
}
