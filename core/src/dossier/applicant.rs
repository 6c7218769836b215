//! The applicant (chủ hồ sơ): personal data that debug output and error
//! messages never print in full.

use std::fmt;

use serde::Serialize;

/// Who filed the dossier. `Debug` and [`Applicant::redacted`] mask every
/// field; exports that need the data read the fields explicitly.
#[derive(Clone, Default, PartialEq, Eq, Serialize)]
pub struct Applicant {
    /// Full name.
    pub name: String,
    /// Identity number (CCCD, 12 digits).
    pub id_number: String,
    /// Phone number.
    pub phone: String,
    /// E-mail address.
    pub email: String,
    /// Address.
    pub address: String,
}

/// Keeps the first character of each word: "Nguyễn Văn An" → "N*** V** A*".
fn mask_name(name: &str) -> String {
    name.split_whitespace()
        .map(|w| {
            let mut chars = w.chars();
            let first = chars.next().map(String::from).unwrap_or_default();
            first + &"*".repeat(chars.count())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Keeps the last `keep` characters: "001203004567" → "**********67".
fn mask_tail(text: &str, keep: usize) -> String {
    let n = text.chars().count();
    // Always mask at least one character.
    let keep = keep.min(n.saturating_sub(1));
    text.chars()
        .enumerate()
        .map(|(i, c)| if i + keep >= n { c } else { '*' })
        .collect()
}

impl Applicant {
    /// A copy with every field masked, for exports that must not carry
    /// personal data.
    ///
    /// ```
    /// use motcua::dossier::Applicant;
    ///
    /// let a = Applicant { name: "Nguyễn Văn An".into(), id_number: "001203004567".into(), ..Default::default() };
    /// let r = a.redacted();
    /// assert_eq!(r.name, "N***** V** A*");
    /// assert_eq!(r.id_number, "**********67");
    /// assert!(!format!("{a:?}").contains("004567"));
    /// ```
    pub fn redacted(&self) -> Applicant {
        Applicant {
            name: mask_name(&self.name),
            id_number: mask_tail(&self.id_number, 2),
            phone: mask_tail(&self.phone, 3),
            email: match self.email.split_once('@') {
                Some((user, domain)) => format!("{}@{domain}", mask_name(user)),
                None => mask_tail(&self.email, 0),
            },
            address: if self.address.is_empty() {
                String::new()
            } else {
                "***".into()
            },
        }
    }
}

impl fmt::Debug for Applicant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = self.redacted();
        f.debug_struct("Applicant")
            .field("name", &r.name)
            .field("id_number", &r.id_number)
            .field("phone", &r.phone)
            .field("email", &r.email)
            .field("address", &r.address)
            .finish()
    }
}

#[cfg(test)]
mod unknown_key_tests {
    use super::*;

    #[test]
    fn an_unknown_key_is_refused_without_being_quoted() {
        let err = Applicant::from_json(r#"{"name": "A", "phone0901234567": ""}"#).unwrap_err();
        assert!(!err.message().contains("0901234567"), "{}", err.message());
        assert!(err.message().contains("unknown field"), "{}", err.message());
    }
}
