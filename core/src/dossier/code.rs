//! Dossier codes (mã số hồ sơ), Circular 01/2018/TT-VPCP Art. 19:
//! `AGENCY-YYMMDD-NNNN`: the receiving agency's dotted code
//! (`V1V2V3.Z1Z2.Y1Y2.MX1X2`, e.g. `000.00.06.H56`), the reception date and
//! a 4-digit sequence per agency per day.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use litemap::LiteMap;

use crate::calendar::iso;
use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::error::{Error, ErrorKind, Result};
use crate::json::{self, FromJson, JsonError, Path};

/// A dossier code.
///
/// ```
/// use motcua::dossier::DossierCode;
///
/// let code: DossierCode = "000.00.06.H56-231027-0361".parse()?;
/// assert_eq!(code.agency(), "000.00.06.H56");
/// assert_eq!(code.sequence(), 361);
/// assert_eq!(code.to_string(), "000.00.06.H56-231027-0361");
/// # Ok::<(), motcua::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DossierCode {
    agency: String,
    date: NaiveDate,
    sequence: u16,
}

fn invalid(text: &str, why: &str) -> Error {
    let shown: String = text.chars().take(40).collect();
    Error::new(
        ErrorKind::InvalidDossierCode,
        format!("{shown:?} is not a dossier code AGENCY-YYMMDD-NNNN (e.g. 000.00.06.H56-231027-0361): {why}"),
    )
}

/// Whether `agency` is a dotted agency code `DDD.DD.DD.LDD` (TT 10/2016/TT-BTTTT).
fn valid_agency(agency: &str) -> bool {
    let parts: Vec<&str> = agency.split('.').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    parts.len() == 4
        && digits(parts[0], 3)
        && digits(parts[1], 2)
        && digits(parts[2], 2)
        && parts[3].len() == 3
        && parts[3].as_bytes()[0].is_ascii_uppercase()
        && digits(&parts[3][1..], 2)
}

impl DossierCode {
    /// A code from its parts; errors for an agency code that is not
    /// `DDD.DD.DD.LDD`, a date outside 2000–2099 or a sequence outside
    /// 1..=9999.
    pub fn new(agency: &str, date: NaiveDate, sequence: u32) -> Result<Self> {
        if !valid_agency(agency) {
            return Err(invalid(
                agency,
                "the agency code must look like 000.00.06.H56",
            ));
        }
        if !(2000..=2099).contains(&date.year()) {
            return Err(invalid(
                &date.to_string(),
                "the date must be in 2000–2099 (two-digit year)",
            ));
        }
        match u16::try_from(sequence) {
            Ok(s) if (1..=9999).contains(&s) => Ok(Self {
                agency: agency.to_owned(),
                date,
                sequence: s,
            }),
            _ => Err(Error::new(
                ErrorKind::SequenceExhausted,
                format!("sequence {sequence} does not fit the code's 4 digits (1 to 9999)"),
            )),
        }
    }

    /// Parses and validates a code.
    pub fn parse(text: &str) -> Result<Self> {
        let mut parts = text.rsplitn(3, '-');
        let (seq, date, agency) = match (parts.next(), parts.next(), parts.next()) {
            (Some(s), Some(d), Some(a)) => (s, d, a),
            _ => return Err(invalid(text, "expected three parts separated by '-'")),
        };
        if !valid_agency(agency) {
            return Err(invalid(
                text,
                "the agency code must look like 000.00.06.H56",
            ));
        }
        if date.len() != 6 || !date.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid(text, "the date must be 6 digits YYMMDD"));
        }
        let date = iso::parse_layout(&format!("20{date}"), "YYYYMMDD")
            .map(|t| t.date())
            .ok_or_else(|| invalid(text, "the date YYMMDD does not exist"))?;
        if seq.len() != 4 || !seq.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid(text, "the sequence must be 4 digits"));
        }
        let sequence: u16 = seq.parse().map_err(|_| invalid(text, "bad sequence"))?;
        if sequence == 0 {
            return Err(invalid(text, "sequences start at 0001"));
        }
        Ok(Self {
            agency: agency.to_owned(),
            date,
            sequence,
        })
    }

    /// The receiving agency's code.
    pub fn agency(&self) -> &str {
        &self.agency
    }

    /// The reception date.
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// The sequence number within the agency's day, 1 to 9999.
    pub fn sequence(&self) -> u16 {
        self.sequence
    }
}

impl fmt::Display for DossierCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.date;
        write!(
            f,
            "{}-{:02}{:02}{:02}-{:04}",
            self.agency,
            d.year() % 100,
            d.month(),
            d.day(),
            self.sequence
        )
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

impl FromJson for DossierCode {
    fn read(value: &Value, at: &Path<'_>) -> std::result::Result<Self, JsonError> {
        let text = json::text(value, at)?;
        Self::parse(text).map_err(|e| json::JsonError::at(at, e.message().to_owned()))
    }
}

json::deserialize_by_reader!(DossierCode);

/// Issues dossier codes: a sequence per agency per day, from 0001. The
/// 10,000th code of a day is an error, not a wrap. Codes issued elsewhere
/// can be registered so that sequences continue and duplicates are caught.
#[derive(Debug, Clone, Default)]
pub struct DossierCodeGenerator {
    /// The sequences issued, in rising order, per day and agency. One map
    /// of small lists rather than a set of every code: a code is its
    /// agency, day and sequence, and the last sequence of a day is the
    /// list's last element. A sorted list, not a BTreeMap (3.7 KB less in
    /// the WASM module): keyed by day first, a new day is an append and a
    /// new agency moves only that day's keys.
    issued: LiteMap<(NaiveDate, String), Vec<u16>>,
}

impl DossierCodeGenerator {
    /// An empty generator.
    pub fn new() -> Self {
        Self::default()
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
        let last = self
            .issued
            .get(&(date, agency.to_owned()))
            .and_then(|day| day.last().copied())
            .unwrap_or(0);
        let code = DossierCode::new(agency, date, u32::from(last) + 1)?;
        self.register(code.clone())?;
        Ok(code)
    }

    /// Records a code issued elsewhere; a code already issued is a
    /// `dossier.duplicate_code` error and changes nothing.
    pub fn register(&mut self, code: DossierCode) -> Result<()> {
        let day = self
            .issued
            .entry((code.date, code.agency.clone()))
            .or_default();
        match day.binary_search(&code.sequence) {
            Ok(_) => Err(Error::new(
                ErrorKind::DuplicateDossierCode,
                format!("dossier code {code} is already in use"),
            )),
            Err(at) => {
                day.insert(at, code.sequence);
                Ok(())
            }
        }
    }
}
