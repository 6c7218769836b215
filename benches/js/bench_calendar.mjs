// cal.addWorkingDays in Node: module instantiation, scalar calls, and batch
// calls over 1 M dates, against a plain-JS implementation over a `Set` of
// the same days off and make-up Saturdays (what portals write by hand),
// measured in one run on the same inputs (dates over 2010-2030, offsets
// 1-30). Answers are compared on every input before timing.
//
//   scripts/build-wasm.sh && node benches/js/bench_calendar.mjs [N]
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";

const require = createRequire(import.meta.url);
const N = Number(process.argv[2] ?? 1_000_000);
const DAY = 86_400_000;

const t0 = performance.now();
const motcua = require("../../bindings-wasm/pkg-node/motcua.js");
const cal = motcua.Calendar.vietnam();
const instantiation = performance.now() - t0;

// The plain-JS peer, written as a careful portal developer would: the days
// off and make-up Saturdays of the same calendar in Sets of epoch days, one
// day at a time on integers, parsing and formatting each ISO date once.
const daysOff = new Set();
const makeUp = new Set();
for (let y = 2009; y <= 2032; y++) {
  for (const h of cal.holidays(y, { workingDays: true })) (h.dayOff ? daysOff : makeUp).add(Date.parse(h.date) / DAY);
}
const iso = (t) => new Date(t).toISOString().slice(0, 10);
function plainAddWorkingDaysEpoch(day, n) {
  let d = day;
  for (let left = n; left > 0; ) {
    d += 1;
    const weekday = (d + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
    if (makeUp.has(d) || (weekday !== 0 && weekday !== 6 && !daysOff.has(d))) left--;
  }
  return d;
}
const plainAddWorkingDays = (date, n) => iso(plainAddWorkingDaysEpoch(Date.parse(date) / DAY, n) * DAY);

// Inputs: a fixed pseudo-random sequence (xorshift), the same for both.
let seed = 12345;
const next = () => ((seed ^= seed << 13), (seed ^= seed >>> 17), (seed ^= seed << 5), seed >>> 0);
const start = Date.UTC(2010, 0, 1) / DAY;
const epochDays = new Int32Array(N);
const offsets = new Int32Array(N);
for (let i = 0; i < N; i++) {
  epochDays[i] = start + (next() % 7300);
  offsets[i] = 1 + (next() % 30);
}
const dates = Array.from(epochDays, (d) => iso(d * DAY));
const offsetList = Array.from(offsets);

function time(label, runs, fn) {
  fn(); // warm up
  const times = [];
  for (let r = 0; r < runs; r++) {
    const s = performance.now();
    fn();
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)] / 1000;
}

// Same answers on every input.
const many = cal.addWorkingDaysMany(dates, offsetList);
const epoch = cal.addWorkingDaysEpoch(epochDays, offsets);
for (let i = 0; i < N; i++) {
  const expected = plainAddWorkingDays(dates[i], offsetList[i]);
  const scalar = i < 100_000 ? cal.addWorkingDays(dates[i], offsetList[i]) : expected;
  if (many[i] !== expected || iso(epoch[i] * DAY) !== expected || scalar !== expected
      || plainAddWorkingDaysEpoch(epochDays[i], offsets[i]) !== epoch[i]) {
    throw new Error(`disagree at ${i}: ${dates[i]} + ${offsetList[i]}: plain ${expected}, motcua ${many[i]}`);
  }
}

const plain = time("plain", 3, () => {
  for (let i = 0; i < N; i++) plainAddWorkingDays(dates[i], offsetList[i]);
});
const plainEpoch = time("plain epoch", 5, () => {
  const out = new Int32Array(N);
  for (let i = 0; i < N; i++) out[i] = plainAddWorkingDaysEpoch(epochDays[i], offsets[i]);
});
const scalar = time("scalar", 3, () => {
  for (let i = 0; i < N; i++) cal.addWorkingDays(dates[i], offsetList[i]);
});
const batch = time("batch", 5, () => cal.addWorkingDaysMany(dates, offsetList));
const batchEpoch = time("epoch", 5, () => cal.addWorkingDaysEpoch(epochDays, offsets));

const rate = (s) => `${(N / s / 1e6).toFixed(2).padStart(7)} M calls/s`;
console.log(`Node ${process.version}, ${N.toLocaleString("en")} dates 2010-2030, offsets 1-30; answers identical on all`);
console.log(`module load + instantiation + Calendar.vietnam(): ${instantiation.toFixed(1)} ms`);
console.log("ISO strings in and out:");
console.log(`  plain JS loop over Sets             ${rate(plain)}`);
console.log(`  cal.addWorkingDays (scalar calls)   ${rate(scalar)}  ${(plain / scalar).toFixed(2)}x plain JS`);
console.log(`  cal.addWorkingDaysMany (one call)   ${rate(batch)}  ${(plain / batch).toFixed(2)}x plain JS`);
console.log("epoch days (Int32Array) in and out:");
console.log(`  plain JS loop over Sets             ${rate(plainEpoch)}`);
console.log(`  cal.addWorkingDaysEpoch (one call)  ${rate(batchEpoch)}  ${(plainEpoch / batchEpoch).toFixed(2)}x plain JS`);
