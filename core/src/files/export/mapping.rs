//! Which header of a vendor's export holds which field, and the names its
//! cells give statuses and channels.
//!
//! The default aliases are the headers seen in the exports of the one-stop
//! systems in use (VNPT iGate, Viettel, OpenCPS-based systems, the national
//! portal's own tables), and each field's own code (`received_at`), so that
//! motcua's own tables read back. A header matches an alias ignoring case,
//! surrounding spaces and repeated inner spaces, nothing more: a header that
//! needs more is mapped by the user, never guessed.

use std::collections::BTreeMap;

use crate::dossier::Status;
use crate::error::{Error, ErrorKind, Result};
use crate::procedure::Channel;

crate::labels::labelled! {
    /// A field of a dossier export that motcua reads.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum Column: "export column" {
        /// The dossier code (mã hồ sơ); its agency is the receiving unit.
        Code = "code",
        /// When the dossier was accepted (ngày tiếp nhận).
        ReceivedAt = "received_at",
        /// The appointment for the result (ngày hẹn trả), the due date.
        DueAt = "due_at",
        /// When processing ended (ngày có kết quả, ngày kết thúc xử lý).
        EndedAt = "ended_at",
        /// When the result was handed over (ngày trả kết quả); read and
        /// checked, not counted (the report counts the end of processing).
        ReturnedAt = "returned_at",
        /// The status, by name or national code (trạng thái).
        Status = "status",
        /// The reception channel (hình thức nộp, kênh).
        Channel = "channel",
        /// The field of the procedure (lĩnh vực).
        Field = "field",
        /// The agency that handles the dossier (đơn vị, cơ quan).
        Unit = "unit",
        /// The procedure's code (mã thủ tục).
        Procedure = "procedure",
    }
}

impl Column {
    /// Whether an export must have the column.
    pub const fn is_required(self) -> bool {
        matches!(
            self,
            Column::Code
                | Column::ReceivedAt
                | Column::DueAt
                | Column::EndedAt
                | Column::Status
                | Column::Channel
        )
    }

    /// The headers seen in practice for the column.
    pub const fn default_aliases(self) -> &'static [&'static str] {
        match self {
            Column::Code => &["Mã hồ sơ", "Mã số hồ sơ", "Số hồ sơ"],
            Column::ReceivedAt => &["Ngày tiếp nhận", "Thời gian tiếp nhận", "Ngày nhận"],
            Column::DueAt => &[
                "Ngày hẹn trả",
                "Ngày hẹn trả kết quả",
                "Hạn xử lý",
                "Hạn giải quyết",
            ],
            Column::EndedAt => &["Ngày có kết quả", "Ngày kết thúc xử lý", "Ngày kết thúc"],
            Column::ReturnedAt => &["Ngày trả kết quả", "Ngày trả"],
            Column::Status => &["Trạng thái", "Trạng thái hồ sơ", "Tình trạng"],
            Column::Channel => &["Hình thức nộp", "Kênh", "Kênh nộp", "Hình thức tiếp nhận"],
            Column::Field => &["Lĩnh vực"],
            Column::Unit => &["Đơn vị", "Cơ quan", "Đơn vị xử lý", "Cơ quan giải quyết"],
            Column::Procedure => &["Mã thủ tục", "Mã TTHC", "Mã thủ tục hành chính"],
        }
    }
}

/// A header or a cell's name as it is compared: lower case, trimmed, inner
/// runs of spaces made one.
pub(super) fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The aliases of every column and the names of statuses and channels: the
/// defaults, overridable column by column.
///
/// ```
/// use motcua::files::{Column, ColumnMapping};
/// use motcua::dossier::Status;
///
/// let mapping = ColumnMapping::default()
///     .with(Column::Unit, &["Phòng ban xử lý"])
///     .with_status("Hoàn thành", Status::Returned);
/// assert_eq!(mapping.aliases(Column::Unit), ["Phòng ban xử lý"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnMapping {
    aliases: BTreeMap<Column, Vec<String>>,
    statuses: BTreeMap<String, Status>,
    channels: BTreeMap<String, Channel>,
}

impl Default for ColumnMapping {
    /// The headers seen in practice, the portal's status names (Vietnamese
    /// and English), the status codes 1–10, and the channels' Vietnamese
    /// names and codes 1–3.
    fn default() -> Self {
        let mut aliases = BTreeMap::new();
        for &column in Column::ALL {
            let mut names: Vec<String> = column
                .default_aliases()
                .iter()
                .map(|&a| a.to_owned())
                .collect();
            names.push(column.code().to_owned());
            aliases.insert(column, names);
        }
        let mut statuses = BTreeMap::new();
        for &status in &Status::ALL {
            for name in [status.name_vi(), status.name_en()] {
                statuses.insert(normalise(name), status);
            }
            statuses.insert(status.code().to_string(), status);
            // Its label in motcua's JSON (`supplement_requested`).
            if let Ok(serde_json::Value::String(label)) = serde_json::to_value(status) {
                statuses.insert(label, status);
            }
        }
        let mut channels = BTreeMap::new();
        for (name, channel) in [
            ("trực tiếp", Channel::Direct),
            ("tại quầy", Channel::Direct),
            ("trực tuyến", Channel::Online),
            ("qua mạng", Channel::Online),
            ("dịch vụ công trực tuyến", Channel::Online),
            ("bưu chính", Channel::Postal),
            ("qua bưu chính", Channel::Postal),
            ("dịch vụ bưu chính", Channel::Postal),
            ("bưu chính công ích", Channel::Postal),
            ("dịch vụ bưu chính công ích", Channel::Postal),
            ("bcci", Channel::Postal),
        ] {
            channels.insert(name.to_owned(), channel);
        }
        for &channel in Channel::ALL {
            channels.insert(channel.code().to_owned(), channel);
            channels.insert(channel.portal_code().to_string(), channel);
        }
        Self {
            aliases,
            statuses,
            channels,
        }
    }
}

impl ColumnMapping {
    /// The mapping with `column` read from the headers `aliases` only (the
    /// defaults of that column replaced).
    pub fn with(mut self, column: Column, aliases: &[&str]) -> Self {
        self.aliases
            .insert(column, aliases.iter().map(|&a| a.to_owned()).collect());
        self
    }

    /// The mapping with one more name of a status, as a vendor writes it.
    pub fn with_status(mut self, name: &str, status: Status) -> Self {
        self.statuses.insert(normalise(name), status);
        self
    }

    /// The mapping with one more name of a channel.
    pub fn with_channel(mut self, name: &str, channel: Channel) -> Self {
        self.channels.insert(normalise(name), channel);
        self
    }

    /// The headers read as `column`.
    pub fn aliases(&self, column: Column) -> &[String] {
        self.aliases.get(&column).map_or(&[], Vec::as_slice)
    }

    /// Where each column is among `headers`: `None` for a column absent.
    /// Errors for a required column absent (naming what was expected and
    /// found) and for two headers read as one column.
    pub(super) fn locate(&self, headers: &[String]) -> Result<BTreeMap<Column, Option<usize>>> {
        let found: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
        let mut at = BTreeMap::new();
        let mut missing = Vec::new();
        for &column in Column::ALL {
            let wanted: Vec<String> = self.aliases(column).iter().map(|a| normalise(a)).collect();
            let matches: Vec<usize> = (0..found.len())
                .filter(|&i| wanted.contains(&found[i]))
                .collect();
            match matches.as_slice() {
                [] if column.is_required() => {
                    missing.push(format!(
                        "{} ({})",
                        column.code(),
                        quoted(self.aliases(column))
                    ));
                }
                [] => {
                    at.insert(column, None);
                }
                [one] => {
                    at.insert(column, Some(*one));
                }
                [first, second, ..] => {
                    return Err(Error::new(
                        ErrorKind::InvalidCell,
                        format!(
                            "columns {:?} and {:?} both read as {}: map one of them to the column",
                            headers[*first],
                            headers[*second],
                            column.code()
                        ),
                    ));
                }
            }
        }
        if !missing.is_empty() {
            return Err(Error::new(
                ErrorKind::MissingColumn,
                format!(
                    "no column for {}; the file's headers are {}: map a header to each column",
                    missing.join(", "),
                    quoted(headers),
                ),
            ));
        }
        Ok(at)
    }

    /// The status a cell names (by name, label or code 1–10).
    pub fn status(&self, text: &str) -> Option<Status> {
        self.statuses.get(&normalise(text)).copied()
    }

    /// The channel a cell names (by name, label or code 1–3).
    pub fn channel(&self, text: &str) -> Option<Channel> {
        self.channels.get(&normalise(text)).copied()
    }

    /// The status names it reads, for an error's message.
    pub(super) fn status_names(&self) -> String {
        let mut names: Vec<&str> = Status::ALL.iter().map(|s| s.name_vi()).collect();
        names.extend(["or a code 1 to 10"]);
        names.join(", ")
    }
}

/// Texts quoted and joined, for messages.
fn quoted(texts: &[String]) -> String {
    texts
        .iter()
        .map(|t| format!("{t:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_ignoring_case_and_spaces_only() {
        let m = ColumnMapping::default();
        let headers: Vec<String> = [
            "  MÃ HỒ SƠ ",
            "Ngày  tiếp nhận",
            "Ngày hẹn trả",
            "Ngày có kết quả",
            "Trạng thái",
            "Kênh",
            "Lĩnh vực",
        ]
        .iter()
        .map(|h| h.to_string())
        .collect();
        let at = m.locate(&headers).unwrap_or_default();
        assert_eq!(at[&Column::Code], Some(0));
        assert_eq!(at[&Column::ReceivedAt], Some(1));
        assert_eq!(at[&Column::Field], Some(6));
        assert_eq!(at[&Column::Unit], None);
        // Without diacritics it is another word: not guessed.
        let bare: Vec<String> = ["Ma ho so"].iter().map(|h| h.to_string()).collect();
        let err = m.locate(&bare).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::MissingColumn);
    }

    #[test]
    fn statuses_and_channels_are_read_by_name_and_code() {
        let m = ColumnMapping::default();
        assert_eq!(m.status("Đã trả kết quả"), Some(Status::Returned));
        assert_eq!(m.status("10"), Some(Status::Returned));
        assert_eq!(m.status(" đang xử lý "), Some(Status::Processing));
        assert_eq!(m.status("Hoàn thành"), None);
        let m = m.with_status("Hoàn thành", Status::Returned);
        assert_eq!(m.status("HOÀN THÀNH"), Some(Status::Returned));
        assert_eq!(m.channel("Trực tuyến"), Some(Channel::Online));
        assert_eq!(m.channel("3"), Some(Channel::Postal));
        assert_eq!(m.channel("BCCI"), Some(Channel::Postal));
    }
}
