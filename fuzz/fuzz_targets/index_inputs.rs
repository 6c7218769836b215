//! Index documents (Decision 766 service index): `Methodology::from_json`,
//! `TypedInputs::from_json` and `TypedInputs::apply`, serde's
//! `Deserialize` of both and of `IndexInputs`, the portal export's
//! `DvcqgUnit::from_json`, then scoring, ranking and what-if on what they
//! give.
//!
//! Methodologies are edited as data when the ministry changes the index,
//! and typed inputs come from other runtimes' callers: any text must give
//! a document or `invalid_argument`, and any document a score, never a
//! panic. serde reads what `from_json` reads (a methodology validates on
//! top); a methodology round-trips to the same bytes; inputs hold no ratio
//! above 1; every indicator and group scores between 0 and its maximum
//! points; inputs of motcua's own names always score.

#![no_main]

use libfuzzer_sys::fuzz_target;
use motcua::index::{DvcqgUnit, IndexCounter, IndexInputs, Lever, Methodology, TypedInputs};
use motcua_fuzz::{calendar, reread};

/// Scores `inputs` and asks the what-if of every lever: points within
/// their bounds, no panic; an input name neither knows is
/// `invalid_argument`, and inputs of motcua's own names always score.
fn score(m: &Methodology, inputs: &IndexInputs) {
    let score = match m.score(inputs) {
        Ok(score) => score,
        Err(e) => {
            assert_eq!(e.code(), "invalid_argument", "{e}");
            let own = inputs
                .iter()
                .all(|(name, _)| motcua::index::inputs::ALL.contains(&name));
            assert!(!own, "inputs of known names do not score: {e}");
            return;
        }
    };
    for g in score.groups() {
        assert!(
            (0.0..=g.spec.max_points).contains(&g.points),
            "group {} scores {} of {}",
            g.code(),
            g.points,
            g.spec.max_points
        );
    }
    for i in score.indicators() {
        if let Some(points) = i.points {
            assert!(
                (0.0..=i.spec.max_points).contains(&points),
                "indicator {} scores {points} of {}",
                i.id(),
                i.spec.max_points
            );
        }
    }
    let _ = (score.biggest_losses(), score.not_measured());
    let _ = m.rank([("a", inputs), ("b", &IndexInputs::new())]);
    for lever in [
        Lever::DossiersOnTime,
        Lever::DossiersOnline,
        Lever::OnlinePayments,
    ] {
        for target in [score.total() + 1.0, m.total] {
            let _ = m.what_if(inputs, lever, target);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some(text) = motcua_fuzz::text(data) else {
        return;
    };
    let methodology = Methodology::from_json(text);
    let via_serde = serde_json::from_str::<Methodology>(text)
        .ok()
        .filter(|m| m.validate().is_ok());
    assert_eq!(
        methodology.as_ref().ok(),
        via_serde.as_ref(),
        "serde and Methodology::from_json disagree"
    );
    if let Ok(m) = &methodology {
        reread(
            "Methodology::to_json",
            &m.to_json().unwrap(),
            Methodology::from_json,
            Methodology::to_json,
        );
        score(m, &IndexInputs::new());
    }

    let typed = TypedInputs::from_json(text);
    assert_eq!(
        typed.as_ref().ok(),
        serde_json::from_str::<TypedInputs>(text).ok().as_ref(),
        "serde and TypedInputs::from_json disagree"
    );
    if let Ok(typed) = typed {
        let mut counter = IndexCounter::default();
        (counter.processed, counter.on_time) = (40, 37);
        (counter.received_online, counter.received_in_period) = (30, 38);
        let mut inputs = IndexInputs::new();
        inputs.add_dossiers(&counter);
        if typed.apply(calendar(), &mut inputs).is_ok() {
            for (name, r) in inputs.iter() {
                assert!(
                    r.numerator <= r.denominator,
                    "input {name}: {r:?} is above 1"
                );
            }
            score(&Methodology::default_766(), &inputs);
        }
    }

    if let Ok(unit) = DvcqgUnit::from_json(text) {
        score(&Methodology::default_766(), &unit.inputs);
    }

    // Raw inputs (a map of ratios) as the bindings take them.
    if let Ok(inputs) = serde_json::from_str::<IndexInputs>(text) {
        let m = methodology.unwrap_or_else(|_| Methodology::default_766());
        score(&m, &inputs);
    }
});
