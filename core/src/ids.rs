//! Duplicate identifiers in a list (workflow steps, index indicators).

/// The index of the first element equal to an earlier one, in
/// O(n log n): a scan of the earlier elements for each one was O(n²) on a
/// long list. Sorting rather than hashing keeps the hash tables' code out
/// of the WASM module.
pub(crate) fn first_repeated<'a>(ids: impl Iterator<Item = &'a str>) -> Option<usize> {
    let mut sorted: Vec<(&str, usize)> = ids.enumerate().map(|(i, id)| (id, i)).collect();
    sorted.sort_unstable();
    sorted
        .windows(2)
        .filter(|pair| pair[0].0 == pair[1].0)
        .map(|pair| pair[1].1)
        .min()
}

#[cfg(test)]
mod tests {
    use super::first_repeated;

    #[test]
    fn names_the_first_element_that_repeats_an_earlier_one() {
        let ids = |list: &[&'static str]| first_repeated(list.iter().copied());
        assert_eq!(ids(&[]), None);
        assert_eq!(ids(&["a", "b", "c"]), None);
        assert_eq!(ids(&["a", "b", "a", "b"]), Some(2));
        assert_eq!(ids(&["b", "a", "c", "a", "b"]), Some(3));
        assert_eq!(ids(&["x", "x", "x"]), Some(1));
    }
}
