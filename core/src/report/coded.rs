//! Rows keyed by the integer code of their group's label while a coded
//! table is counted, named once at the end.

type FxHashMap<K, V> = std::collections::HashMap<K, V, rustc_hash::FxBuildHasher>;

use super::Counts;
use crate::{Error, ErrorKind, Result};

/// The rows of a report keyed by the code of their group's label: a
/// table's label column coded as `pandas.factorize` or an Arrow dictionary
/// gives it (codes `0..n` into its `n` distinct labels).
///
/// Why: a table of millions of distinct labels (issue 19) spent most of
/// its count in [`super::Rows`], hashing a string per record and growing a
/// map of strings, whose every growth hashes each string again (under
/// `py-spy`, 4 M distinct labels: 2.7 s in its lookups and 1.8 s in its
/// growth, of 7 s). A code hashes in one multiplication, and a growth moves
/// eight bytes an entry; the labels are copied once, into the report, by
/// [`super::PeriodReport::add_coded_rows`].
#[derive(Debug, Clone, Default)]
pub struct CodedRows {
    /// The slot of each code seen.
    slots: FxHashMap<u32, u32>,
    /// The code of each slot, in the order first counted.
    codes: Vec<u32>,
    /// The counts of each slot.
    counts: Vec<Counts>,
}

impl CodedRows {
    /// Adds `counts` to the row of `code`, making it if needed.
    pub(crate) fn add(&mut self, code: u32, counts: &Counts) {
        let next = self.codes.len();
        let slot = *self.slots.entry(code).or_insert_with(|| {
            // Rows are counted records' groups: fewer than 2^32.
            next as u32
        });
        match self.counts.get_mut(slot as usize) {
            Some(row) => row.add(counts),
            None => {
                self.codes.push(code);
                self.counts.push(*counts);
            }
        }
    }

    /// Adds the rows of `other`, coded against the same labels (another
    /// part of the same table).
    pub fn add_all(&mut self, other: &CodedRows) {
        self.slots.reserve(other.codes.len());
        for (&code, counts) in other.codes.iter().zip(&other.counts) {
            self.add(code, counts);
        }
    }

    /// The rows, each code named by `labels`: errors, with
    /// [`ErrorKind::InvalidArgument`], for a code past the labels.
    pub(crate) fn named<'a>(
        &'a self,
        labels: &'a [String],
    ) -> Result<impl Iterator<Item = (&'a str, &'a Counts)>> {
        if let Some(code) = self.codes.iter().find(|&&c| c as usize >= labels.len()) {
            return Err(Error::new(
                ErrorKind::InvalidArgument,
                format!("group code {code} is past the {} labels", labels.len()),
            ));
        }
        Ok(self
            .codes
            .iter()
            .zip(&self.counts)
            .map(|(&code, counts)| (labels[code as usize].as_str(), counts)))
    }

    /// The counts of each row, in the order of [`CodedRows::named`].
    pub(crate) fn into_counts(self) -> Vec<Counts> {
        self.counts
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// Whether there is no row.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}
