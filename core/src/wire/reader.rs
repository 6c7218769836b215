//! Reading the JSON documents that callers hand to motcua: procedures and
//! catalogs, dossier logs, applicants, index methodologies, typed index
//! inputs and calendar data.
//!
//! These documents are read by the small readers of this module over a
//! parsed [`serde_json::Value`], not by serde's derive. The derive writes a
//! visitor per type and per deserializer; replacing it with these plain
//! functions made the WASM module 90 KB (16 %) smaller. The readers also
//! name the field of every error in every runtime (`workflow[1].budget:
//! expected a number, found a string`).
//!
//! serde's `Deserialize` of the same types goes through the same readers
//! (`deserialize_by_reader!`), so a Rust caller reading them from a
//! self-describing serde format (JSON, YAML, …) gets exactly what the
//! `from_json` functions accept; their `Serialize` stays derived, and
//! round-trip tests keep the two in step.

use std::cell::Cell;
use std::fmt;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde_json::{Map, Value};

use crate::calendar::iso;
use crate::{Error, ErrorKind};

/// A document that does not fit the expected type: where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct JsonError {
    /// The field path (`procedures[2].processing_time.days`); empty for
    /// the document itself or text that is not JSON.
    pub path: String,
    /// What is wrong. It quotes a value only where the value is a label,
    /// code, date or instant, or an unknown key, never free text such as
    /// an applicant's fields (personal data), and cuts quotes at 60
    /// characters.
    pub message: String,
    /// The document was refused for its size, before it was parsed.
    pub too_large: bool,
}

impl JsonError {
    /// An error at `path`.
    pub fn at(path: &Path<'_>, message: String) -> Self {
        Self {
            path: path.to_string(),
            message,
            too_large: false,
        }
    }

    /// The error of a reader of `document` documents ("catalog",
    /// "dossier"): of `kind`, or [`ErrorKind::DocumentTooLarge`] whatever
    /// the reader, so that every entry point refuses size the same way.
    pub fn into_error(self, kind: ErrorKind, document: &str) -> Error {
        let kind = if self.too_large {
            ErrorKind::DocumentTooLarge
        } else {
            kind
        };
        Error::new(kind, format!("{document}: {}", self.describe())).with_path(self.path)
    }

    /// `"path: message"`, or just the message for the whole document.
    pub fn describe(&self) -> String {
        if self.path.is_empty() {
            self.message.clone()
        } else {
            format!("{}: {}", self.path, self.message)
        }
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe())
    }
}

/// Where a reader is in the document. Built on the stack as the readers
/// descend and rendered only for an error, so a successful read allocates
/// nothing for paths.
#[derive(Clone, Copy)]
pub(crate) enum Path<'a> {
    /// The document.
    Root,
    /// A key of an object.
    Key(&'a Path<'a>, &'a str),
    /// An element of an array.
    Index(&'a Path<'a>, usize),
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Key(Path::Root, key) => f.write_str(key),
            Path::Key(parent, key) => write!(f, "{parent}.{key}"),
            Path::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

/// A type read from a JSON value.
pub(crate) trait FromJson: Sized {
    /// The document may hold personal data (an applicant): its keys are
    /// never quoted in an error, not even a key given twice, since a key
    /// can be data too (`"phone0901234567"`).
    const PRIVATE: bool = false;

    /// Reads `value`, found at `at`.
    fn read(value: &Value, at: &Path<'_>) -> Result<Self, JsonError>;
}

/// The largest JSON document any reader takes (16 MiB): a province's
/// catalog of thousands of procedures is a few MB; dossiers are read one
/// document or line at a time.
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;

/// Why a document of at least `bytes` bytes is refused, if it is.
fn oversized(bytes: usize) -> Option<String> {
    (bytes > MAX_DOCUMENT_BYTES).then(|| {
        format!(
            "a document of {bytes} bytes or more is larger than the limit of {MAX_DOCUMENT_BYTES} bytes (16 MiB)"
        )
    })
}

/// Refuses a document that will be at least `bytes` bytes long before
/// anyone copies it: the check the reader makes, for a binding that would
/// otherwise copy a host string of that size into the module first (the
/// WASM binding passes a JS string's UTF-16 length, a lower bound of its
/// UTF-8 length).
pub fn check_document_size(bytes: usize) -> crate::Result<()> {
    match oversized(bytes) {
        Some(message) => Err(Error::new(ErrorKind::DocumentTooLarge, message)),
        None => Ok(()),
    }
}

/// Parses `text`; a syntax error names its line and column. A key given
/// twice in one object is an error too: JSON leaves its meaning open (the
/// first or the last?), and a document two readers read differently is
/// not one to act on.
///
/// A document larger than [`MAX_DOCUMENT_BYTES`] is refused before anything
/// is allocated: the parsed tree costs about 16 bytes per byte of a dense
/// array, so a 50 MB array would take some 800 MB before its first check.
/// Nesting deeper than 128 levels is refused too (serde_json's limit).
pub(crate) fn parse(text: &str) -> Result<Value, JsonError> {
    parse_as(text, false)
}

/// [`parse`], quoting no key when `private` (see [`FromJson::PRIVATE`]).
fn parse_as(text: &str, private: bool) -> Result<Value, JsonError> {
    if let Some(message) = oversized(text.len()) {
        return Err(JsonError {
            path: String::new(),
            message,
            too_large: true,
        });
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = value_from(&mut de, private).and_then(|value| de.end().map(|()| value));
    parsed.map_err(|e| JsonError {
        path: String::new(),
        message: format!("not valid JSON (line {} column {})", e.line(), e.column()),
        too_large: false,
    })?
}

/// A [`Value`] from any self-describing deserializer: the outer error is
/// the deserializer's own (syntax), the inner one a key given twice.
fn value_from<'de, D: serde::Deserializer<'de>>(
    d: D,
    private: bool,
) -> Result<Result<Value, JsonError>, D::Error> {
    let twice = Cell::new(None);
    let value = serde::de::DeserializeSeed::deserialize(Parser { twice: &twice }, d)?;
    Ok(match twice.take() {
        Some(key) => Err(JsonError {
            path: String::new(),
            message: if private {
                "a key is given twice in one object".to_owned()
            } else {
                format!("the key {} is given twice in one object", quoted(&key))
            },
            too_large: false,
        }),
        None => Ok(value),
    })
}

/// serde's `Deserialize` of a type that has a [`FromJson`] reader: the
/// body of the impls that `deserialize_by_reader!` writes.
pub(crate) fn deserialize_with_reader<'de, T: FromJson, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<T, D::Error> {
    let custom = |e: JsonError| <D::Error as serde::de::Error>::custom(e.describe());
    let value = value_from(d, T::PRIVATE)?.map_err(custom)?;
    T::read(&value, &Path::Root).map_err(custom)
}

/// Builds a [`Value`] as serde_json does, noting the first key given twice
/// in one object. Noted rather than raised: a serde error would bring
/// serde_json's message parsing into the WASM module.
#[derive(Clone, Copy)]
struct Parser<'a> {
    /// The first key seen twice.
    twice: &'a Cell<Option<String>>,
}

impl<'de> serde::de::DeserializeSeed<'de> for Parser<'_> {
    type Value = Value;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Parser<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(self)?;
            if object.contains_key(&key) {
                let first = self.twice.take();
                self.twice.set(first.or_else(|| Some(key.clone())));
            }
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

/// A text quoted for a message, cut at 60 characters: enough to recognise
/// a label or a date, not a way to echo whole documents back.
pub(crate) fn quoted(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((end, _)) => format!("{:?}…", &text[..end]),
        None => format!("{text:?}"),
    }
}

/// Parses `text` and reads it as a `T`.
pub(crate) fn from_str<T: FromJson>(text: &str) -> Result<T, JsonError> {
    T::read(&parse_as(text, T::PRIVATE)?, &Path::Root)
}

/// What a value is, for "expected …, found …" messages; never the value
/// itself.
pub(crate) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The error for a value of the wrong JSON type.
pub(crate) fn expected(what: &str, value: &Value, at: &Path<'_>) -> JsonError {
    JsonError::at(at, format!("expected {what}, found {}", kind(value)))
}

/// The text of a string value.
pub(crate) fn text<'v>(value: &'v Value, at: &Path<'_>) -> Result<&'v str, JsonError> {
    value
        .as_str()
        .ok_or_else(|| expected("a string", value, at))
}

/// The one of `variants` whose label in `names` (same order) a string
/// value is: the unit variants of an enum by their `snake_case` labels.
pub(crate) fn label<T: Copy>(
    value: &Value,
    at: &Path<'_>,
    names: &[&str],
    variants: &[T],
) -> Result<T, JsonError> {
    debug_assert_eq!(names.len(), variants.len());
    position(value, at, names).map(|i| variants[i])
}

/// Where a string value is in `names`; the work of [`label`], kept out of
/// its per-type copies.
fn position(value: &Value, at: &Path<'_>, names: &[&str]) -> Result<usize, JsonError> {
    let text = text(value, at)?;
    names
        .iter()
        .position(|name| *name == text)
        .ok_or_else(|| JsonError::at(at, format!("{} is not {}", quoted(text), one_of(names))))
}

/// `"a" or "b"`, `one of "a", "b" or "c"`.
pub(crate) fn one_of(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("{n:?}")).collect();
    match quoted.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, [only])) => format!("{only} or {last}"),
        Some((last, rest)) => format!("one of {} or {last}", rest.join(", ")),
        None => "expected".into(),
    }
}

/// The fields of a JSON object, read one by one.
pub(crate) struct Object<'v, 'p> {
    map: &'v Map<String, Value>,
    at: &'p Path<'p>,
}

impl<'v, 'p> Object<'v, 'p> {
    /// An object whose keys must all be among `fields`: a misspelt key is
    /// an error, not a silently ignored field.
    pub fn strict(value: &'v Value, at: &'p Path<'p>, fields: &[&str]) -> Result<Self, JsonError> {
        let object = Self::lenient(value, at)?;
        object.only(fields)?;
        Ok(object)
    }

    /// An object whose other keys are ignored.
    pub fn lenient(value: &'v Value, at: &'p Path<'p>) -> Result<Self, JsonError> {
        match value {
            Value::Object(map) => Ok(Self { map, at }),
            other => Err(expected("an object", other, at)),
        }
    }

    /// [`Object::strict`] for documents of personal data: an unknown key is
    /// refused without being quoted, as a key can hold the data itself
    /// (`"phone0901234567"`).
    pub fn strict_private(
        value: &'v Value,
        at: &'p Path<'p>,
        fields: &[&str],
    ) -> Result<Self, JsonError> {
        let object = Self::lenient(value, at)?;
        if object.map.keys().any(|k| !fields.contains(&k.as_str())) {
            let names: Vec<String> = fields.iter().map(|f| format!("{f:?}")).collect();
            return Err(JsonError::at(
                at,
                format!(
                    "an unknown field (not shown: it may hold personal data); expected {}",
                    names.join(", ")
                ),
            ));
        }
        Ok(object)
    }

    /// Rejects keys outside `fields`.
    pub fn only(&self, fields: &[&str]) -> Result<(), JsonError> {
        match self.map.keys().find(|k| !fields.contains(&k.as_str())) {
            None => Ok(()),
            Some(key) => {
                let names: Vec<String> = fields.iter().map(|f| format!("{f:?}")).collect();
                Err(JsonError::at(
                    self.at,
                    format!(
                        "unknown field {}; expected {}",
                        quoted(key),
                        names.join(", ")
                    ),
                ))
            }
        }
    }

    /// A field that must be present.
    pub fn required<T: FromJson>(&self, key: &str) -> Result<T, JsonError> {
        self.required_with(key, T::read)
    }

    /// A field that must be present, read by `read`.
    pub fn required_with<T>(
        &self,
        key: &str,
        read: impl FnOnce(&Value, &Path<'_>) -> Result<T, JsonError>,
    ) -> Result<T, JsonError> {
        match self.map.get(key) {
            Some(value) => read(value, &Path::Key(self.at, key)),
            None => Err(JsonError::at(&Path::Key(self.at, key), "missing".into())),
        }
    }

    /// A field that may be absent or `null`.
    pub fn optional<T: FromJson>(&self, key: &str) -> Result<Option<T>, JsonError> {
        self.optional_with(key, T::read)
    }

    /// A field that may be absent or `null`, read by `read`.
    pub fn optional_with<T>(
        &self,
        key: &str,
        read: impl FnOnce(&Value, &Path<'_>) -> Result<T, JsonError>,
    ) -> Result<Option<T>, JsonError> {
        match self.map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => read(value, &Path::Key(self.at, key)).map(Some),
        }
    }

    /// A field that may be absent (but not `null`), read by `read`.
    pub fn present_with<T>(
        &self,
        key: &str,
        read: impl FnOnce(&Value, &Path<'_>) -> Result<T, JsonError>,
    ) -> Result<Option<T>, JsonError> {
        match self.map.get(key) {
            None => Ok(None),
            Some(value) => read(value, &Path::Key(self.at, key)).map(Some),
        }
    }

    /// A field that takes `default` when absent (but not when `null`).
    pub fn or<T: FromJson>(&self, key: &str, default: T) -> Result<T, JsonError> {
        match self.map.get(key) {
            None => Ok(default),
            Some(value) => T::read(value, &Path::Key(self.at, key)),
        }
    }

    /// [`Object::or`] with the type's default.
    pub fn or_default<T: FromJson + Default>(&self, key: &str) -> Result<T, JsonError> {
        self.or(key, T::default())
    }
}

impl FromJson for String {
    fn read(value: &Value, at: &Path<'_>) -> Result<Self, JsonError> {
        text(value, at).map(str::to_owned)
    }
}

/// Shared text (the methodology's ids and names, which every score
/// carries).
impl FromJson for std::sync::Arc<str> {
    fn read(value: &Value, at: &Path<'_>) -> Result<Self, JsonError> {
        text(value, at).map(Into::into)
    }
}

impl FromJson for bool {
    fn read(value: &Value, at: &Path<'_>) -> Result<Self, JsonError> {
        value
            .as_bool()
            .ok_or_else(|| expected("true or false", value, at))
    }
}

impl FromJson for f64 {
    fn read(value: &Value, at: &Path<'_>) -> Result<Self, JsonError> {
        value
            .as_f64()
            .ok_or_else(|| expected("a number", value, at))
    }
}

impl FromJson for u64 {
    fn read(value: &Value, at: &Path<'_>) -> Result<Self, JsonError> {
        value
            .as_u64()
            .ok_or_else(|| expected("a whole number >= 0", value, at))
    }
}

impl FromJson for u32 {
    fn read(value: &Value, at: &Path<'_>) -> Result<Self, JsonError> {
        let n = u64::read(value, at)?;
        u32::try_from(n).map_err(|_| JsonError::at(at, format!("{n} is too large")))
    }
}

impl FromJson for usize {
    fn read(value: &Value, at: &Path<'_>) -> Result<Self, JsonError> {
        let n = u64::read(value, at)?;
        usize::try_from(n).map_err(|_| JsonError::at(at, format!("{n} is too large")))
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn read(value: &Value, at: &Path<'_>) -> Result<Self, JsonError> {
        list(value, at, T::read)
    }
}

/// An array, each element read by `read`.
pub(crate) fn list<T>(
    value: &Value,
    at: &Path<'_>,
    read: impl Fn(&Value, &Path<'_>) -> Result<T, JsonError>,
) -> Result<Vec<T>, JsonError> {
    let items = value
        .as_array()
        .ok_or_else(|| expected("an array", value, at))?;
    items
        .iter()
        .enumerate()
        .map(|(i, item)| read(item, &Path::Index(at, i)))
        .collect()
}

/// Instants as [`iso::parse_instant`] reads them, Vietnam local time.
impl FromJson for NaiveDateTime {
    fn read(value: &Value, at: &Path<'_>) -> Result<Self, JsonError> {
        let text = text(value, at)?;
        iso::parse_instant(text).ok_or_else(|| {
            JsonError::at(
                at,
                format!(
                    "{} is not an instant \"YYYY-MM-DDTHH:MM[:SS]\"",
                    quoted(text)
                ),
            )
        })
    }
}

/// Dates as `YYYY-MM-DD`.
impl FromJson for NaiveDate {
    fn read(value: &Value, at: &Path<'_>) -> Result<Self, JsonError> {
        let text = text(value, at)?;
        iso::parse_date(text).ok_or_else(|| {
            JsonError::at(at, format!("{} is not a date \"YYYY-MM-DD\"", quoted(text)))
        })
    }
}

/// Times of day as `HH:MM`.
impl FromJson for NaiveTime {
    fn read(value: &Value, at: &Path<'_>) -> Result<Self, JsonError> {
        let text = text(value, at)?;
        iso::parse_time(text).ok_or_else(|| {
            JsonError::at(
                at,
                format!("{} is not a time of day \"HH:MM\"", quoted(text)),
            )
        })
    }
}

/// Where the first item whose key repeats an earlier item's is: the
/// smallest such index, so that a list reports its first duplicate in
/// document order. Sorts indices, O(n log n): a long list of distinct
/// keys must not cost n².
pub(crate) fn first_repeat<K: Ord>(keys: &[K]) -> Option<usize> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    // Stable: equal keys keep their list order.
    order.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
    order
        .windows(2)
        .filter(|pair| keys[pair[0]] == keys[pair[1]])
        .map(|pair| pair[1])
        .min()
}

/// The error for the first item of the list at `at` whose key repeats an
/// earlier one's, placed at the item's `field`: `"{key} {what}"`.
pub(crate) fn no_repeats<K: Ord + fmt::Display>(
    keys: &[K],
    at: &Path<'_>,
    field: &str,
    what: &str,
) -> Result<(), JsonError> {
    match first_repeat(keys) {
        None => Ok(()),
        Some(i) => {
            let item = Path::Index(at, i);
            Err(JsonError::at(
                &Path::Key(&item, field),
                format!("{} {what}", keys[i]),
            ))
        }
    }
}

/// Implements serde's `Deserialize` of types that have a [`FromJson`]
/// reader through that reader, so that serde and `from_json` accept the
/// same documents. Costs nothing where serde is not called (the WASM
/// module reads through `from_json` only).
macro_rules! deserialize_by_reader {
    ($($t:ty),+ $(,)?) => {$(
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::wire::deserialize_with_reader(d)
            }
        }
    )+};
}
pub(crate) use deserialize_by_reader;

#[cfg(test)]
mod tests {
    use super::*;

    struct Step {
        name: String,
        budget: f64,
    }

    impl FromJson for Step {
        fn read(value: &Value, at: &Path<'_>) -> Result<Self, JsonError> {
            let o = Object::strict(value, at, &["name", "budget"])?;
            Ok(Step {
                name: o.or_default("name")?,
                budget: o.required("budget")?,
            })
        }
    }

    fn read_steps(text: &str) -> Result<Vec<Step>, JsonError> {
        let value = parse(text)?;
        let o = Object::strict(&value, &Path::Root, &["workflow"])?;
        o.required("workflow")
    }

    #[test]
    fn errors_name_the_path_and_never_a_string_value() {
        let e = read_steps(r#"{"workflow": [{"budget": 1}, {"budget": "secret"}]}"#)
            .err()
            .unwrap();
        assert_eq!(e.path, "workflow[1].budget");
        assert_eq!(
            e.describe(),
            "workflow[1].budget: expected a number, found a string"
        );
        assert!(!e.describe().contains("secret"));
    }

    #[test]
    fn missing_and_unknown_fields_are_errors_of_the_object() {
        let e = read_steps(r#"{"workflow": [{"name": "a"}]}"#)
            .err()
            .unwrap();
        assert_eq!(e.describe(), "workflow[0].budget: missing");
        let e = read_steps(r#"{"workflow": [], "extra": 1}"#).err().unwrap();
        assert_eq!(
            e.describe(),
            "unknown field \"extra\"; expected \"workflow\""
        );
    }

    #[test]
    fn defaults_apply_to_absent_fields_only() {
        let steps = read_steps(r#"{"workflow": [{"budget": 2.5}]}"#).unwrap();
        assert_eq!((steps[0].name.as_str(), steps[0].budget), ("", 2.5));
        let e = read_steps(r#"{"workflow": [{"name": null, "budget": 1}]}"#)
            .err()
            .unwrap();
        assert_eq!(
            e.describe(),
            "workflow[0].name: expected a string, found null"
        );
    }

    #[test]
    fn syntax_errors_give_line_and_column() {
        let e = read_steps("{\n  \"workflow\": [,]}").err().unwrap();
        assert_eq!(e.path, "");
        assert!(
            e.message.starts_with("not valid JSON (line 2 column"),
            "{}",
            e.message
        );
    }

    #[test]
    fn labels_list_the_choices() {
        let (names, codes) = (["direct", "online", "postal"], [1, 2, 3]);
        let v = Value::from("onlin");
        let e = label(&v, &Path::Key(&Path::Root, "channel"), &names, &codes)
            .err()
            .unwrap();
        assert_eq!(
            e.describe(),
            "channel: \"onlin\" is not one of \"direct\", \"online\" or \"postal\""
        );
        assert_eq!(
            label(&Value::from("postal"), &Path::Root, &names, &codes).unwrap(),
            3
        );
    }

    #[test]
    fn a_key_given_twice_is_an_error() {
        let e = parse(r#"{"days": -5, "days": 5}"#).err().unwrap();
        assert!(
            e.message.starts_with("the key \"days\" is given twice"),
            "{}",
            e.message
        );
        assert!(parse(r#"[{"a": 1}, {"a": 2}]"#).is_ok());
    }

    #[test]
    fn quotes_are_cut_at_60_characters() {
        assert_eq!(quoted("đ"), "\"đ\"");
        let long = "x".repeat(100);
        assert_eq!(quoted(&long), format!("{:?}…", "x".repeat(60)));
    }

    #[test]
    fn the_first_repeat_is_the_earliest_second_listing() {
        assert_eq!(first_repeat(&[3, 1, 2]), None);
        assert_eq!(first_repeat(&[2, 1, 2, 1]), Some(2));
        assert_eq!(first_repeat(&[1, 2, 2, 1, 1]), Some(2));
        assert_eq!(first_repeat::<i32>(&[]), None);
    }

    #[test]
    fn numbers_are_checked_for_their_type() {
        let at = Path::Root;
        assert!(u32::read(&Value::from(5_000_000_000_u64), &at).is_err());
        assert!(u64::read(&Value::from(-1), &at).is_err());
        assert!(u64::read(&Value::from(1.5), &at).is_err());
        assert_eq!(f64::read(&Value::from(3), &at).unwrap(), 3.0);
    }
}
