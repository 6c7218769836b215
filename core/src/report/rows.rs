//! The rows of a report, by group key.

use std::ops::Index;

use serde::{Serialize, Serializer};

use super::Counts;

type Map = std::collections::HashMap<String, Counts, rustc_hash::FxBuildHasher>;

/// A report's rows by group key: found by hash as the records stream
/// (one lookup per record), listed in key order.
///
/// A hash map, unlike the other small maps (litemap's sorted lists): every
/// record looks its row up, and comparing string keys was the largest cost
/// of the streaming report (a quarter of its time under `perf`). With a
/// `BTreeMap`, `benches/report.rs` gave 12.8 M records/s; with this map,
/// run right after on the same machine, 23.0; the sorted list was slower
/// still. The hasher is rustc's (Fx), not DoS-resistant: keys come from
/// the caller's data (agency names, codes), and a report over keys chosen
/// to collide would slow, not break.
///
/// The map holds each key's index into a list of counts, not the counts:
/// its entries are 32 bytes, not 144, so a table of millions of distinct
/// keys (issue 19) probes a map five times smaller, and the counts are
/// written in order: 6 M distinct keys were counted in 3.2 s, against 6.9 s
/// with the counts in the map (`benches/python/bench_groups.py` measures
/// the table path).
#[derive(Debug, Clone, Default)]
pub struct Rows {
    index: std::collections::HashMap<String, u32, rustc_hash::FxBuildHasher>,
    counts: Vec<Counts>,
}

impl Rows {
    /// The row of `key`.
    pub fn get(&self, key: &str) -> Option<&Counts> {
        self.index.get(key).map(|&i| &self.counts[i as usize])
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// Whether there is no row.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// The rows in key order.
    ///
    /// Sorted first on a window of each key's next 16 bytes after the
    /// prefix every key shares (a province's dossier codes share their
    /// first 14), the keys themselves compared only where windows tie:
    /// sorting 10 M keys on the keys alone spent most of its time fetching
    /// them from memory, a third of `PeriodReport.to_pandas` (perf,
    /// `benches/python/bench_groups.py`). Written with plain loops, the
    /// sorted rows copied out of a borrowed slice: iterator adapters and a
    /// consuming copy cost the WASM module 1.6 KB, against 0.7 KB this way
    /// (`scripts/wasm-size.sh`).
    pub fn iter(&self) -> std::vec::IntoIter<(&String, &Counts)> {
        let shared = shared_prefix(self.index.keys());
        let mut rows = Vec::with_capacity(self.len());
        for (key, &i) in &self.index {
            rows.push((window(key, shared), key, &self.counts[i as usize]));
        }
        rows.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)));
        rows.iter()
            .map(|&(_, key, counts)| (key, counts))
            .collect::<Vec<_>>()
            .into_iter()
    }

    /// The keys in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.iter().map(|(k, _)| k)
    }

    /// The rows' counts, in key order.
    pub fn values(&self) -> impl Iterator<Item = &Counts> {
        self.iter().map(|(_, c)| c)
    }

    /// Room for `more` rows, so that many keys are inserted without the
    /// map growing (and copying its entries) on the way.
    pub(super) fn reserve(&mut self, more: usize) {
        self.index.reserve(more);
        self.counts.reserve(more);
    }

    /// Adds the rows of `other`, in no order: a merge of two parts of a
    /// table of millions of keys would spend longer sorting them (as
    /// [`Rows::iter`] does) than adding them.
    pub(crate) fn add_all(&mut self, other: &Rows) {
        self.reserve(other.len());
        for (key, &i) in &other.index {
            self.add(key, &other.counts[i as usize]);
        }
    }

    /// Adds the rows of `keys` with their `counts`. Into no rows, the
    /// counts become the rows' own, not copied: a report of 10 M groups
    /// holds 1.2 GB of counts, and on this project's machines the first
    /// write to a fresh GB of memory takes 2.5 s. A key given twice adds
    /// its counts to its first row, and its second slot stays unused.
    pub(super) fn add_rows(&mut self, keys: Vec<String>, mut counts: Vec<Counts>) {
        if !self.is_empty() {
            self.reserve(keys.len());
            for (key, counts) in keys.into_iter().zip(&counts) {
                self.add_owned(key, counts);
            }
            return;
        }
        self.index.reserve(keys.len());
        for (i, key) in keys.into_iter().enumerate() {
            match self.index.entry(key) {
                std::collections::hash_map::Entry::Vacant(row) => {
                    // Rows are counted records' groups: fewer than 2^32.
                    row.insert(i as u32);
                }
                std::collections::hash_map::Entry::Occupied(row) => {
                    let again = counts[i];
                    counts[*row.get() as usize].add(&again);
                }
            }
        }
        self.counts = counts;
    }

    /// Adds `counts` to the row of `key`, making it with this key if
    /// needed.
    fn add_owned(&mut self, key: String, counts: &Counts) {
        let next = self.counts.len();
        match self.index.entry(key) {
            std::collections::hash_map::Entry::Occupied(row) => {
                self.counts[*row.get() as usize].add(counts)
            }
            std::collections::hash_map::Entry::Vacant(row) => {
                // Rows are counted records' groups: fewer than 2^32.
                row.insert(next as u32);
                self.counts.push(*counts);
            }
        }
    }

    /// Adds `counts` to the row of `key`, making it if needed.
    pub(crate) fn add(&mut self, key: &str, counts: &Counts) {
        match self.index.get(key) {
            Some(&i) => self.counts[i as usize].add(counts),
            None => {
                // Rows are counted records' groups: fewer than 2^32.
                self.index.insert(key.to_owned(), self.counts.len() as u32);
                self.counts.push(*counts);
            }
        }
    }
}

/// The length in bytes of the prefix all `keys` share.
fn shared_prefix<'a>(mut keys: impl Iterator<Item = &'a String>) -> usize {
    let Some(first) = keys.next() else {
        return 0;
    };
    let first = first.as_bytes();
    keys.fold(first.len(), |shared, key| {
        let key = key.as_bytes();
        let mut n = 0;
        while n < shared && n < key.len() && first[n] == key[n] {
            n += 1;
        }
        n
    })
}

/// The 16 bytes of `key` from byte `from` (zeros past its end), as a
/// number that orders as they do: where two keys' windows differ, so do
/// the keys, the same way (a key ending first has a zero where the other
/// has a byte, or ties with it and is compared whole).
fn window(key: &str, from: usize) -> u128 {
    let rest = key.as_bytes().get(from..).unwrap_or_default();
    (0..16).fold(0, |window, i| {
        window << 8 | u128::from(rest.get(i).copied().unwrap_or(0))
    })
}

/// The same rows, whatever the order they were made in.
impl PartialEq for Rows {
    fn eq(&self, other: &Rows) -> bool {
        self.len() == other.len()
            && self
                .index
                .iter()
                .all(|(key, &i)| other.get(key) == Some(&self.counts[i as usize]))
    }
}

impl Index<&str> for Rows {
    type Output = Counts;

    /// The row of `key`; panics when there is none, as a map's index does.
    fn index(&self, key: &str) -> &Counts {
        &self.counts[self.index[key] as usize]
    }
}

impl<'a> IntoIterator for &'a Rows {
    type Item = (&'a String, &'a Counts);
    type IntoIter = std::vec::IntoIter<(&'a String, &'a Counts)>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// A map in key order, as the `BTreeMap` it replaced wrote it.
impl Serialize for Rows {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

/// The map it writes.
impl<'de> serde::Deserialize<'de> for Rows {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map = Map::deserialize(d)?;
        let mut rows = Rows::default();
        rows.reserve(map.len());
        for (key, counts) in &map {
            rows.add(key, counts);
        }
        Ok(rows)
    }
}
