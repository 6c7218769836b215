//! JSON documents into typed values, with the field path of an error
//! (`procedures[2].processing_time.days`) when the `field-paths` feature is
//! on (the default). The WASM module turns it off: path tracking wraps
//! every visitor of every type and more than doubles the deserialisation
//! code, so there an error names serde's own position (line and column)
//! instead; the error code is the same.

use serde::de::DeserializeOwned;

/// A JSON document that does not fit the expected type.
pub(crate) struct JsonError {
    /// Where, as a field path (with `field-paths`), else `None`.
    pub path: Option<String>,
    /// What serde_json says (it quotes the offending value).
    pub inner: serde_json::Error,
}

impl JsonError {
    /// `"path: message"`, or just the message without a path.
    pub fn describe(&self) -> String {
        match &self.path {
            Some(path) => format!("{path}: {}", self.inner),
            None => self.inner.to_string(),
        }
    }

    /// The path, or serde's position when paths are off; for messages that
    /// must not quote the value (personal data).
    pub fn location(&self) -> String {
        match &self.path {
            Some(path) => path.clone(),
            None => format!("line {} column {}", self.inner.line(), self.inner.column()),
        }
    }
}

/// Parses `text` as a `T`.
pub(crate) fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, JsonError> {
    #[cfg(feature = "field-paths")]
    {
        let mut de = serde_json::Deserializer::from_str(text);
        let value: T = serde_path_to_error::deserialize(&mut de).map_err(|e| JsonError {
            path: Some(e.path().to_string()),
            inner: e.into_inner(),
        })?;
        de.end().map_err(|inner| JsonError { path: None, inner })?;
        Ok(value)
    }
    #[cfg(not(feature = "field-paths"))]
    {
        serde_json::from_str(text).map_err(|inner| JsonError { path: None, inner })
    }
}
