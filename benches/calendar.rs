//! Working-day and lunar arithmetic of the default Vietnamese calendar on
//! 10 M random inputs over 2010–2030 (offsets 1–30 working days), against
//! a naive day-stepping
//! implementation over a `HashSet` of the same holidays and make-up days in
//! the same process. Criterion measures each operation; a summary prints
//! every figure with its ratio to the naive loop and to the goal.
//!
//! Run: `cargo bench -p motcua-benches --bench calendar`
//! (`MOTCUA_BENCH_N` changes the number of inputs).

use std::collections::HashSet;
use std::hint::black_box;

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Weekday};
use criterion::{Criterion, Throughput};
use motcua::calendar::day::epoch_day;
use motcua::calendar::{lunar, Calendar, WorkingTime};
use motcua_benches::{report, throughput, Rng, Row};

/// What vendors write today: weekends and a set of holiday dates, stepping
/// one day at a time (here with make-up Saturdays too, to give the same
/// answers).
struct Naive {
    days_off: HashSet<NaiveDate>,
    make_up: HashSet<NaiveDate>,
}

impl Naive {
    fn from(cal: &Calendar) -> Self {
        let mut days_off = HashSet::new();
        let mut make_up = HashSet::new();
        for year in 2000..=2100 {
            for h in cal.holidays(year).expect("year in range") {
                if h.is_day_off() {
                    days_off.insert(h.date);
                } else {
                    make_up.insert(h.date);
                }
            }
        }
        Self { days_off, make_up }
    }

    fn is_working(&self, d: NaiveDate) -> bool {
        if self.make_up.contains(&d) {
            return true;
        }
        !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !self.days_off.contains(&d)
    }

    fn add(&self, mut d: NaiveDate, n: u32) -> NaiveDate {
        let mut left = n;
        while left > 0 {
            d = d.succ_opt().expect("in range");
            if self.is_working(d) {
                left -= 1;
            }
        }
        d
    }

    fn between(&self, a: NaiveDate, b: NaiveDate) -> i32 {
        let mut d = a;
        let mut n = 0;
        while d < b {
            d = d.succ_opt().expect("in range");
            n += i32::from(self.is_working(d));
        }
        n
    }

    /// Adds working seconds with 07:30–11:30 and 13:00–17:00 sessions by
    /// walking session by session and day by day.
    fn add_time(&self, t: NaiveDateTime, mut seconds: i64) -> NaiveDateTime {
        const SESSIONS: [(i64, i64); 2] = [(27_000, 41_400), (46_800, 61_200)];
        let mut day = t.date();
        let mut now = i64::from(t.time().num_seconds_from_midnight());
        loop {
            if self.is_working(day) {
                for (s, e) in SESSIONS {
                    let from = now.max(s);
                    if from >= e {
                        continue;
                    }
                    if seconds <= e - from {
                        let at = NaiveTime::from_num_seconds_from_midnight_opt(
                            (from + seconds) as u32,
                            0,
                        )
                        .expect("time of day");
                        return day.and_time(at);
                    }
                    seconds -= e - from;
                }
            }
            day = day.succ_opt().expect("in range");
            now = 0;
        }
    }
}

fn main() {
    let n: usize = std::env::var("MOTCUA_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000_000);
    let cal = Calendar::vietnam();
    let naive = Naive::from(&cal);
    let start = NaiveDate::from_ymd_opt(2010, 1, 1).expect("date");
    let span = (NaiveDate::from_ymd_opt(2030, 12, 31).expect("date") - start).num_days() as u64 + 1;
    let mut rng = Rng::new(12_345);
    let dates: Vec<NaiveDate> = (0..n).map(|_| start + Days::new(rng.below(span))).collect();
    let offsets: Vec<i32> = (0..n).map(|_| 1 + rng.below(30) as i32).collect();
    let ends: Vec<NaiveDate> = dates
        .iter()
        .zip(&offsets)
        .map(|(d, &k)| *d + Days::new(2 * k as u64))
        .collect();
    let epoch: Vec<i32> = dates.iter().map(|&d| epoch_day(d)).collect();
    let epoch_ends: Vec<i32> = ends.iter().map(|&d| epoch_day(d)).collect();
    let instants: Vec<NaiveDateTime> = dates
        .iter()
        .map(|d| {
            d.and_time(
                NaiveTime::from_num_seconds_from_midnight_opt(rng.below(86_400) as u32, 0)
                    .expect("time"),
            )
        })
        .collect();
    // 1 minute to 30 working days, in whole minutes.
    let durations: Vec<WorkingTime> = (0..n)
        .map(|_| WorkingTime::from_seconds(60 * (1 + rng.below(30 * 8 * 60) as i64)))
        .collect();

    // The fast and naive implementations must agree element by element.
    let check = n.min(1_000_000);
    for i in 0..check {
        let fast = cal
            .add_working_days(dates[i], offsets[i])
            .expect("in range");
        assert_eq!(
            fast,
            naive.add(dates[i], offsets[i] as u32),
            "add {}",
            dates[i]
        );
        assert_eq!(
            cal.working_days_between(dates[i], ends[i])
                .expect("in range"),
            naive.between(dates[i], ends[i])
        );
        assert_eq!(
            cal.add_working_time(instants[i], durations[i])
                .expect("in range"),
            naive.add_time(instants[i], durations[i].seconds()),
            "add_time {} + {}",
            instants[i],
            durations[i].seconds()
        );
    }
    println!("fast and naive agree on {check} inputs for each operation");

    let add_dates = || -> usize {
        dates
            .iter()
            .zip(&offsets)
            .map(|(&d, &k)| {
                cal.add_working_days(d, k)
                    .map_or(0, |r| r.ordinal() as usize)
            })
            .sum()
    };
    let add_epoch = || -> i64 {
        epoch
            .iter()
            .zip(&offsets)
            .map(|(&d, &k)| i64::from(cal.add_working_days_epoch(d, k).unwrap_or(0)))
            .sum()
    };
    let between_dates = || -> i64 {
        dates
            .iter()
            .zip(&ends)
            .map(|(&a, &b)| i64::from(cal.working_days_between(a, b).unwrap_or(0)))
            .sum()
    };
    let between_epoch = || -> i64 {
        epoch
            .iter()
            .zip(&epoch_ends)
            .map(|(&a, &b)| i64::from(cal.working_days_between_epoch(a, b).unwrap_or(0)))
            .sum()
    };
    let to_lunar = || -> u64 {
        dates
            .iter()
            .map(|&d| lunar::to_lunar(d).map_or(0, |l| u64::from(l.day)))
            .sum()
    };
    let add_time = || -> u64 {
        instants
            .iter()
            .zip(&durations)
            .map(|(&t, &w)| {
                cal.add_working_time(t, w)
                    .map_or(0, |r| u64::from(r.minute()))
            })
            .sum()
    };
    let naive_n = n.min(1_000_000);
    let naive_add = || -> usize {
        (0..naive_n)
            .map(|i| naive.add(dates[i], offsets[i] as u32).ordinal() as usize)
            .sum()
    };
    let naive_between = || -> i64 {
        (0..naive_n)
            .map(|i| i64::from(naive.between(dates[i], ends[i])))
            .sum()
    };
    let naive_time = || -> u64 {
        (0..naive_n)
            .map(|i| u64::from(naive.add_time(instants[i], durations[i].seconds()).minute()))
            .sum()
    };

    let mut c = Criterion::default().sample_size(10).configure_from_args();
    {
        let mut g = c.benchmark_group("calendar");
        g.throughput(Throughput::Elements(n as u64));
        g.bench_function("add_working_days/NaiveDate", |b| {
            b.iter(|| black_box(add_dates()))
        });
        g.bench_function("add_working_days/epoch_day", |b| {
            b.iter(|| black_box(add_epoch()))
        });
        g.bench_function("working_days_between/NaiveDate", |b| {
            b.iter(|| black_box(between_dates()))
        });
        g.bench_function("working_days_between/epoch_day", |b| {
            b.iter(|| black_box(between_epoch()))
        });
        g.bench_function("to_lunar", |b| b.iter(|| black_box(to_lunar())));
        g.bench_function("add_working_time", |b| b.iter(|| black_box(add_time())));
        g.throughput(Throughput::Elements(naive_n as u64));
        g.bench_function("naive/add_working_days", |b| {
            b.iter(|| black_box(naive_add()))
        });
        g.bench_function("naive/working_days_between", |b| {
            b.iter(|| black_box(naive_between()))
        });
        g.bench_function("naive/add_working_time", |b| {
            b.iter(|| black_box(naive_time()))
        });
        g.finish();
    }
    c.final_summary();

    let runs = 5;
    let peer_add = throughput(naive_n, runs, naive_add);
    let peer_between = throughput(naive_n, runs, naive_between);
    let peer_time = throughput(naive_n, runs, naive_time);
    let rows = [
        Row {
            name: "add_working_days (NaiveDate in/out)",
            per_second: throughput(n, runs, add_dates),
            peer: Some(peer_add),
            goal: 200e6,
        },
        Row {
            name: "add_working_days (epoch days)",
            per_second: throughput(n, runs, add_epoch),
            peer: Some(peer_add),
            goal: 200e6,
        },
        Row {
            name: "working_days_between (NaiveDate)",
            per_second: throughput(n, runs, between_dates),
            peer: Some(peer_between),
            goal: 200e6,
        },
        Row {
            name: "working_days_between (epoch days)",
            per_second: throughput(n, runs, between_epoch),
            peer: Some(peer_between),
            goal: 200e6,
        },
        Row {
            name: "to_lunar (NaiveDate)",
            per_second: throughput(n, runs, to_lunar),
            peer: None,
            goal: 50e6,
        },
        Row {
            name: "add_working_time (NaiveDateTime)",
            per_second: throughput(n, runs, add_time),
            peer: Some(peer_time),
            goal: 50e6,
        },
    ];
    report(
        &format!("summary: median of {runs} runs, {n} inputs (naive: {naive_n}), single thread"),
        &rows,
    );
}
