//! Labels once: each enum of stable text codes names its labels in one
//! place, its declaration through [`labelled!`], and its JSON (written and
//! read), `Display`, `FromStr` and the bindings all derive from them.
//!
//! A declarative macro rather than a crate such as `strum`: the four
//! traits it writes take a few lines each, and serde's derive of the same
//! unit enums cost more of the WASM module than these impls (the reader of
//! every document is hand-written for the same reason; see `wire/reader.rs`).

use crate::error::{Error, ErrorKind, Result};

/// Declares a unit enum whose variants each have a stable text label:
///
/// ```ignore
/// labelled! {
///     /// Early, on time or late.
///     #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
///     pub enum Timeliness: "timeliness" {
///         /// Trước hạn.
///         Early = "early",
///         /// Đúng hạn.
///         OnTime = "on_time",
///         /// Quá hạn.
///         Late = "late",
///     }
/// }
/// ```
///
/// and derives from the labels `ALL`, `LABELS`, `code()`, `Display`,
/// `FromStr` (an unknown label is `invalid_argument` naming the labels,
/// with `"timeliness"` as the thing named), the JSON reader's `FromJson`,
/// and serde's `Serialize` and `Deserialize` (through that reader, so that
/// serde and `from_json` accept the same documents).
macro_rules! labelled {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident: $what:literal {
            $($(#[$variant_meta:meta])* $variant:ident = $label:literal,)+
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $($(#[$variant_meta])* $variant,)+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable labels, in the order of `ALL`.
            pub const LABELS: &'static [&'static str] = &[$($label),+];

            /// The stable label, the same in JSON and in every runtime.
            pub const fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $label,)+
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.code())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::Error;

            fn from_str(text: &str) -> $crate::Result<Self> {
                $crate::labels::parse(text, $what, Self::LABELS, Self::ALL)
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> ::std::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
                $crate::wire::deserialize_with_reader(d)
            }
        }

        impl $crate::wire::FromJson for $name {
            fn read(
                value: &::serde_json::Value,
                at: &$crate::wire::Path<'_>,
            ) -> ::std::result::Result<Self, $crate::wire::JsonError> {
                $crate::wire::label(value, at, Self::LABELS, Self::ALL)
            }
        }
    };
}

pub(crate) use labelled;

/// The variant whose label `text` is, or `invalid_argument` naming `what`
/// and the labels: the one message of every runtime for a bad label.
pub(crate) fn parse<T: Copy>(text: &str, what: &str, labels: &[&str], all: &[T]) -> Result<T> {
    match labels.iter().position(|label| *label == text) {
        Some(i) => Ok(all[i]),
        None => Err(Error::new(
            ErrorKind::InvalidArgument,
            format!(
                "{what} {} is not {}",
                crate::wire::quoted(text),
                crate::wire::one_of(labels)
            ),
        )),
    }
}
