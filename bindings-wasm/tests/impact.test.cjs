// The change-impact and dossier-code vectors (tests/vectors/impact.json,
// tests/vectors/codes.json), the same cases the Rust core and pytest run,
// and the law of 2026 as JS sees it.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const motcua = require("../pkg-node/motcua.js");
const { local } = require("./instants.cjs");

const load = (name) =>
  JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "tests", "vectors", `${name}.json`), "utf8"));
const impact = load("impact");
const codes = load("codes");
const cal = motcua.Calendar.vietnam();
const old = motcua.Calendar.custom({ withoutCultureDay: true });
const throwsCode = (fn, code) => assert.throws(fn, (e) => e instanceof Error && e.code === code);

test("calendarChanges vectors", () => {
  const v = impact.calendar_changes;
  const found = motcua.calendarChanges(old, cal, v.start, v.end);
  const got = found.map((c, i) => ({
    date: c.date,
    before_working: c.before.working,
    after_working: c.after.working,
    after_kind: c.after.entry.kind,
    source_contains: c.after.entry.source.includes(v.expected[i].source_contains) ? v.expected[i].source_contains : "",
  }));
  assert.deepStrictEqual(got, v.expected);
  assert.equal(found[0].after.schedule.status, "official");
});

test("appointmentChanges vectors", () => {
  for (const c of impact.cases) {
    const d = motcua.Dossier.fromJson(JSON.stringify(c.dossier));
    const found = motcua.appointmentChanges([d], old, cal, c.as_of);
    const got = found.length === 0 ? null : {
      open: found[0].open,
      old_due: local(found[0].oldDue),
      new_due: local(found[0].newDue),
      old_timeliness: found[0].oldTimeliness,
      new_timeliness: found[0].newTimeliness,
      changed_dates: found[0].days.map((day) => day.date),
      new_appointment_at: found[0].letter ? local(found[0].letter.newAppointmentAt) : null,
    };
    assert.deepStrictEqual(got, c.expected, c.name);
    // The dossier is still usable: the call read it, it did not take it.
    assert.ok(d.status >= 2);
  }
  // Plain JSON documents work too, and bad input is a typed error.
  const docs = impact.cases.map((c) => c.dossier);
  assert.equal(motcua.appointmentChanges(docs, old, cal, "2026-11-25T10:00").length, 2);
  throwsCode(() => motcua.appointmentChanges("x", old, cal, "2026-11-25T10:00"), "invalid_type");
  const short = motcua.Calendar.custom({ first: "2020-01-01" });
  assert.throws(() => motcua.calendarChanges(short, cal, "2026-01-01", "2026-12-31"),
    (e) => e.code === "calendar.out_of_range" && e.message.includes("2020-01-01..=2100-12-31"));
});

test("Culture Day, data versions and the named weekend policy", () => {
  const day = cal.holiday("2026-11-24");
  assert.equal(day.kind, "statutory");
  assert.ok(day.source.includes("10065/VPCP-KGVX"));
  assert.equal(cal.isWorkingDay("2026-11-24"), false);
  assert.equal(old.isWorkingDay("2026-11-24"), true);
  assert.equal(old.hasCultureDay, false);
  assert.ok(cal.holidays(2027).every((h) => !h.provisional));
  assert.deepStrictEqual(cal.dataVersions[0], { provenance: "official", version: "2026.12.1", asOf: "2026-12-02" });
  assert.equal(cal.isWorkingDay("2029-11-26"), false);
  const strict = motcua.Calendar.custom({ cultureDayOnWeekend: "no_substitute" });
  assert.equal(strict.isWorkingDay("2029-11-26"), true);
  throwsCode(() => motcua.Calendar.custom({ cultureDayOnWeekend: "sometimes" }), "invalid_argument");
  const worked = '{"overrides": [{"date": "2026-11-24", "kind": "extra_working_day", "name_vi": "x", "name_en": "x"}]}';
  assert.throws(() => cal.withData(worked), (e) => e.code === "calendar.invalid_data" && e.message.includes("2026-11-24"));
});

test("dossier code vectors", () => {
  for (const c of codes.parse) {
    if (c.error) {
      assert.throws(() => motcua.DossierCode.parse(c.text, c.rule),
        (e) => e.code === c.error && e.message.includes(c.message), c.text);
      continue;
    }
    const code = motcua.DossierCode.parse(c.text, c.rule);
    assert.deepStrictEqual(
      { agency: code.agency, date: code.date, ministry: code.ministry ?? null, sequence: code.sequence },
      c.expected, c.text);
    assert.equal(code.toString(), c.text);
  }
  for (const c of codes.generate) {
    const gen = new motcua.DossierCodeGenerator(c.rule, c.ministry);
    gen.register(c.after);
    if (c.error) throwsCode(() => gen.next(c.agency, c.date), c.error);
    else assert.equal(gen.next(c.agency, c.date).toString(), c.expected);
  }
});

test("cross-boundary reception counts from the competent agency", () => {
  const d = motcua.Dossier.fromJson(JSON.stringify({
    code: "H21.227-261005-0001",
    procedure: { code: "1.000005", name: "Thử", processing_time: { kind: "working_days", days: 5 } },
    channel: "direct",
    events: [{ at: "2026-10-05T09:00", type: "submitted" }],
  }));
  throwsCode(() => d.acceptCrossBoundary("2026-10-05T09:00", "h21..17"), "invalid_argument");
  d.acceptCrossBoundary("2026-10-05T09:00", "H21.17");
  assert.equal(d.dueAt ?? null, null);
  d.competentReceive("2026-10-07T10:00");
  assert.equal(d.dueAt, "2026-10-14T10:00+07:00");
  assert.deepStrictEqual([d.receivingUnit, d.competentUnit], ["H21.227", "H21.17"]);
});
