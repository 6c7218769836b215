//! Rows keyed by the integer code of their group's label while a coded
//! table is counted, named once at the end.

type FxHashMap<K, V> = std::collections::HashMap<K, V, rustc_hash::FxBuildHasher>;

use std::borrow::Cow;

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
/// eight bytes an entry; the labels go into the report once, by
/// [`super::PeriodReport::add_coded_rows`].
#[derive(Debug, Clone, Default)]
pub struct CodedRows {
    /// The slot of each code seen.
    slots: Slots,
    /// The code of each slot, in the order first counted.
    codes: Vec<u32>,
    /// The counts of each slot.
    counts: Vec<Counts>,
}

/// Where each code's row is.
#[derive(Debug, Clone)]
enum Slots {
    /// By hash: for rows that see few of the labels (a table split in
    /// parts, each counting its own).
    Hashed(FxHashMap<u32, u32>),
    /// A slot per code ([`NONE`] for a code not seen): for rows that see
    /// most labels. Four bytes a label, and a lookup reads them in the
    /// order of the codes, which is the order labels first appear in: 10 M
    /// distinct labels were looked up by hash in 2.7 s, a fifth of
    /// `report_table` (py-spy).
    Dense(Vec<u32>),
}

/// A code without a row in [`Slots::Dense`].
const NONE: u32 = u32::MAX;

impl Default for Slots {
    fn default() -> Self {
        Slots::Hashed(FxHashMap::default())
    }
}

impl CodedRows {
    /// Rows of a table's labels `0..labels` that will see most of them,
    /// as a table counted whole does: a slot per label, found without
    /// hashing. Rows that see a few of many labels take
    /// [`CodedRows::default`], whose slots are hashed.
    pub fn dense(labels: usize) -> Self {
        CodedRows {
            slots: Slots::Dense(vec![NONE; labels]),
            ..CodedRows::default()
        }
    }

    /// Adds `counts` to the row of `code`, making it if needed.
    pub(crate) fn add(&mut self, code: u32, counts: &Counts) {
        // Rows are counted records' groups: fewer than 2^32.
        let next = self.codes.len() as u32;
        let slot = match &mut self.slots {
            Slots::Hashed(slots) => *slots.entry(code).or_insert(next),
            Slots::Dense(slots) => {
                let at = code as usize;
                if at >= slots.len() {
                    slots.resize(at + 1, NONE);
                }
                if slots[at] == NONE {
                    slots[at] = next;
                }
                slots[at]
            }
        };
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
        if let Slots::Hashed(slots) = &mut self.slots {
            slots.reserve(other.codes.len());
        }
        for (&code, counts) in other.codes.iter().zip(&other.counts) {
            self.add(code, counts);
        }
    }

    /// The label of each row's code, in the order of
    /// [`CodedRows::into_counts`]: copied out of borrowed labels, moved out
    /// of owned ones (a code has one row, so each label is taken once).
    /// Errors, with [`ErrorKind::InvalidArgument`], for a code past the
    /// labels.
    pub(crate) fn keys(&self, labels: Cow<'_, [String]>) -> Result<Vec<String>> {
        if let Some(code) = self.codes.iter().find(|&&c| c as usize >= labels.len()) {
            return Err(Error::new(
                ErrorKind::InvalidArgument,
                format!("group code {code} is past the {} labels", labels.len()),
            ));
        }
        let codes = self.codes.iter().map(|&code| code as usize);
        Ok(match labels {
            Cow::Borrowed(labels) => codes.map(|code| labels[code].clone()).collect(),
            Cow::Owned(mut labels) => codes
                .map(|code| std::mem::take(&mut labels[code]))
                .collect(),
        })
    }

    /// The counts of each row, in the order of [`CodedRows::keys`].
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
