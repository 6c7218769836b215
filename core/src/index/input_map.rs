//! [`IndexInputs`]: a unit's index inputs by name, stored for scoring
//! many units fast.
//!
//! motcua's own input names ([`super::inputs::ALL`]) each have a fixed
//! slot, so scoring reads a unit's ratios at known places instead of
//! comparing names: with one heap-allocated name per input, comparing
//! them was most of the time of scoring a province's units
//! (`benches/report.rs`). Other names, read by a methodology loaded from
//! JSON, are kept apart in a small sorted map.

use litemap::LiteMap;
use serde::{Deserialize, Serialize};

use super::{inputs, Ratio};
use crate::error::Result;

/// The inputs of the index for one unit and period, by input name (the
/// `input` of each [`super::IndicatorSpec`]). From a center's own data:
/// the dossier-based ones (clock and facts) from
/// [`IndexInputs::add_dossiers`], the catalog-based ones from
/// [`IndexInputs::add_procedures`], petitions from
/// [`IndexInputs::add_feedback`]; or read from the portal's export
/// ([`super::DvcqgUnit`]), or set one by one. Written as a JSON object of
/// name → `{numerator, denominator}`, in the order of [`IndexInputs::iter`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexInputs {
    /// motcua's own inputs, by their place in [`inputs::ALL`]; zero over
    /// zero where `given` lacks the slot's bit, so that equal inputs are
    /// equal (16 bytes a slot, where an `Option` took 24: scoring many
    /// units reads them all).
    own: [Ratio; inputs::ALL.len()],
    /// One bit per slot of `own`: whether that input is given.
    given: u32,
    /// Inputs of other names (a map sorted by name).
    other: LiteMap<String, Ratio>,
}

const _: () = assert!(inputs::ALL.len() <= 32, "one bit per own input in `given`");

/// The slot of one of motcua's own input names.
pub(super) fn slot(name: &str) -> Option<usize> {
    inputs::ALL.binary_search(&name).ok()
}

impl IndexInputs {
    /// Empty inputs.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets an input; errors when the numerator exceeds the denominator.
    pub fn set(&mut self, input: &str, ratio: Ratio) -> Result<()> {
        ratio.check(input)?;
        self.insert(input, ratio);
        Ok(())
    }

    /// Sets an input whose ratio is already checked.
    pub(crate) fn insert(&mut self, input: &str, ratio: Ratio) {
        match slot(input) {
            Some(i) => {
                self.own[i] = ratio;
                self.given |= 1 << i;
            }
            None => {
                self.other.insert(input.to_owned(), ratio);
            }
        }
    }

    /// The input `name`, `None` when not given.
    pub fn get(&self, name: &str) -> Option<Ratio> {
        match slot(name) {
            Some(i) => self.own(i),
            None => self.other(name),
        }
    }

    /// The input `name` to change in place, zero over zero when not given.
    pub fn entry(&mut self, name: &str) -> &mut Ratio {
        match slot(name) {
            Some(i) => {
                if self.given & (1 << i) == 0 {
                    self.own[i] = Ratio::default();
                    self.given |= 1 << i;
                }
                &mut self.own[i]
            }
            None => self.other.entry(name.to_owned()).or_default(),
        }
    }

    /// Removes the input `name`, returning it when it was given.
    pub fn remove(&mut self, name: &str) -> Option<Ratio> {
        match slot(name) {
            Some(i) => {
                let was = self.own(i);
                self.given &= !(1 << i);
                self.own[i] = Ratio::default();
                was
            }
            None => self.other.remove(name),
        }
    }

    /// The inputs given: motcua's own names in their order, then the
    /// others, sorted.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Ratio)> + '_ {
        inputs::ALL
            .iter()
            .enumerate()
            .filter_map(|(i, &name)| Some((name, self.own(i)?)))
            .chain(self.others())
    }

    /// How many inputs are given.
    pub fn len(&self) -> usize {
        self.given.count_ones() as usize + self.other.len()
    }

    /// Whether no input is given.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The own input in slot `i` (see [`slot`]).
    pub(super) fn own(&self, i: usize) -> Option<Ratio> {
        (self.given & (1 << i) != 0).then_some(self.own[i])
    }

    /// The input `name`, not one of motcua's own, `None` when not given.
    pub(super) fn other(&self, name: &str) -> Option<Ratio> {
        self.other.get(name).copied()
    }

    /// The inputs of names that are not motcua's own, sorted.
    pub(super) fn others(&self) -> impl Iterator<Item = (&str, Ratio)> + '_ {
        self.other.iter().map(|(k, &r)| (k.as_str(), r))
    }
}

impl Serialize for IndexInputs {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for IndexInputs {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let map = LiteMap::<String, Ratio>::deserialize(d)?;
        let mut out = Self::new();
        for (name, ratio) in map.iter() {
            out.set(name, *ratio).map_err(serde::de::Error::custom)?;
        }
        Ok(out)
    }
}
