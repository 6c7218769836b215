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
/// to collide would slow, not break; a report's keys are a few hundred.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rows(Map);

impl Rows {
    /// The row of `key`.
    pub fn get(&self, key: &str) -> Option<&Counts> {
        self.0.get(key)
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there is no row.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The rows in key order.
    pub fn iter(&self) -> std::vec::IntoIter<(&String, &Counts)> {
        let mut rows: Vec<_> = self.0.iter().collect();
        rows.sort_unstable_by(|a, b| a.0.cmp(b.0));
        rows.into_iter()
    }

    /// The keys in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.iter().map(|(k, _)| k)
    }

    /// The rows' counts, in key order.
    pub fn values(&self) -> impl Iterator<Item = &Counts> {
        self.iter().map(|(_, c)| c)
    }

    /// Adds `counts` to the row of `key`, making it if needed.
    pub(crate) fn add(&mut self, key: &str, counts: &Counts) {
        match self.0.get_mut(key) {
            Some(row) => row.add(counts),
            None => {
                self.0.insert(key.to_owned(), *counts);
            }
        }
    }
}

impl Index<&str> for Rows {
    type Output = Counts;

    /// The row of `key`; panics when there is none, as a map's index does.
    fn index(&self, key: &str) -> &Counts {
        &self.0[key]
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
        Map::deserialize(d).map(Rows)
    }
}
