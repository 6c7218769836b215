// The JavaScript API of the calendar: ISO strings in and out, real Error
// objects with a code, and a module that keeps working after errors.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const motcua = require("../pkg-node/motcua.js");

const cal = motcua.Calendar.vietnam();

function throwsCode(call, code) {
  assert.throws(call, (e) => {
    assert.ok(e instanceof Error, "a real Error");
    assert.equal(e.code, code, e.message);
    assert.ok(e.message.length > 0);
    return true;
  });
}

test("the acceptance names exist", () => {
  assert.equal(cal.isWorkingDay("2026-01-10"), true);
  assert.equal(cal.addWorkingDays("2026-02-13", 1), "2026-02-23");
  assert.equal(cal.workingDaysBetween("2026-02-13", "2026-02-23"), 1);
  const first = cal.holidays(2026)[0];
  assert.deepStrictEqual(
    [first.date, first.kind, first.nameVi, first.nameEn],
    ["2026-01-01", "statutory", "Tết Dương lịch", "New Year's Day"],
  );
  assert.deepStrictEqual(motcua.toLunar("2026-02-17"), {
    year: 2026, month: 1, day: 1, leap: false, yearName: "Bính Ngọ",
  });
  assert.equal(motcua.fromLunar(2026, 1, 1, false), "2026-02-17");
  assert.equal(motcua.fromLunar(2026, 1, 1), "2026-02-17");
});

test("instants with an offset are converted to Vietnam time", () => {
  assert.equal(cal.addWorkingTime("2023-10-27T02:32Z", { days: 5 }), "2023-11-03T09:32+07:00");
  assert.equal(cal.addWorkingTime("2023-10-27T09:32:00+07:00", { days: 5 }), "2023-11-03T09:32+07:00");
  assert.equal(cal.addWorkingTime("2023-10-30T09:00:30", { minutes: 1 }), "2023-10-30T09:01:30+07:00");
});

test("wrong types are Errors with code invalid_type", () => {
  for (const bad of [undefined, null, 20260110, {}, [], true]) {
    throwsCode(() => cal.isWorkingDay(bad), "invalid_type");
    throwsCode(() => motcua.toLunar(bad), "invalid_type");
  }
  throwsCode(() => cal.addWorkingDays("2026-01-05", "1"), "invalid_type");
  throwsCode(() => cal.addWorkingTime("2026-01-05T09:00", 5), "invalid_type");
  throwsCode(() => cal.addWorkingTime("2026-01-05T09:00", { days: "5" }), "invalid_type");
  throwsCode(() => motcua.fromLunar(2026, 3, 10, "yes"), "invalid_type");
});

test("malformed strings and values are Errors with codes", () => {
  for (const bad of ["2026-1-5", "2026-02-30", "05/01/2026", "", "2026-01-05T09:00"]) {
    throwsCode(() => cal.isWorkingDay(bad), "invalid_format");
  }
  throwsCode(() => cal.nextWorkingInstant("2026-01-05 09:00"), "invalid_format");
  throwsCode(() => cal.addWorkingDays("2026-01-05", 1.5), "invalid_argument");
  throwsCode(() => cal.addWorkingDays("2026-01-05", 1e12), "calendar.out_of_range");
  throwsCode(() => cal.isWorkingDay("1999-12-31"), "calendar.out_of_range");
  throwsCode(() => cal.holidays(2200), "calendar.out_of_range");
  throwsCode(() => cal.addWorkingTime("2026-01-05T09:00", { days: -1 }), "calendar.invalid_duration");
  throwsCode(() => cal.addWorkingTime("2026-01-05T09:00", { days: NaN }), "calendar.invalid_duration");
  throwsCode(() => cal.addWorkingTime("2026-01-05T09:00", { hours: Infinity }), "calendar.invalid_duration");
  throwsCode(() => motcua.fromLunar(2025, 12, 30, false), "lunar.invalid_date");
  throwsCode(() => motcua.fromLunar(2026, 3, 10, true), "lunar.invalid_date");
});

test("calendar data loads at run time and leaves the original alone", () => {
  const json = JSON.stringify({
    version: "center-2026.1",
    overrides: [{ date: "2026-11-23", kind: "closure", name_vi: "Nghỉ", name_en: "Closed" }],
  });
  const loaded = cal.withData(json);
  assert.equal(loaded.isWorkingDay("2026-11-23"), false);
  assert.equal(cal.isWorkingDay("2026-11-23"), true);
  assert.equal(loaded.dataVersions[1].version, "center-2026.1");
  throwsCode(() => cal.withData("{"), "calendar.invalid_data");
  assert.throws(
    () => cal.withData('{"overrides": [{"date": "2026-11-24", "kind": "party", "name_vi": "a", "name_en": "b"}]}'),
    (e) => e.code === "calendar.invalid_data" && e.message.includes("overrides[0].kind") && e.message.includes("party"),
  );
  throwsCode(() => cal.withData(undefined), "invalid_type");
  assert.equal(cal.isWorkingDay("2026-11-23"), true);
});

test("custom calendars", () => {
  const saturdays = motcua.Calendar.custom({
    workingWeekdays: [0, 1, 2, 3, 4, 5],
    sessions: [["07:00", "11:30"], ["13:30", "17:00"]],
  });
  assert.equal(saturdays.isWorkingDay("2026-03-07"), true);
  assert.equal(saturdays.dayHours, 8);
  const plain = motcua.Calendar.custom({ holidays: false, first: "2026-01-01", last: "2026-12-31" });
  assert.deepStrictEqual(plain.scheduleSource(2026), { status: "none", sources: [], sourcesVi: [] });
  assert.equal(plain.isWorkingDay("2026-02-17"), true);
  throwsCode(() => motcua.Calendar.custom({ workingWeekdays: [7] }), "invalid_argument");
  throwsCode(() => motcua.Calendar.custom({ sessions: [["09:00", "08:00"]] }), "calendar.invalid_sessions");
  throwsCode(() => motcua.Calendar.custom({ sessions: [["9h", "17:00"]] }), "calendar.invalid_sessions");
  throwsCode(() => motcua.Calendar.custom({ first: "1999-12-31" }), "calendar.out_of_range");
  throwsCode(() => motcua.Calendar.custom({ holidays: "no" }), "invalid_type");
  throwsCode(() => motcua.Calendar.custom(null), "invalid_type");
  throwsCode(() => plain.holiday("2027-01-01"), "calendar.out_of_range");
});

test("single entries, schedule sources and Date.toISOString input", () => {
  // A make-up working Saturday is no day off, so `holiday` alone says null.
  assert.equal(cal.holiday("2026-01-10"), null);
  const makeUp = cal.holiday("2026-01-10", { workingDays: true });
  assert.equal(makeUp.kind, "make_up");
  assert.equal(makeUp.provenance, "official");
  assert.equal(makeUp.dayOff, false);
  assert.equal(cal.holiday("2026-03-03"), null);
  const source = cal.scheduleSource(2026);
  assert.equal(source.status, "official");
  assert.ok(source.sources.some((s) => s.includes("thanhnien")));
  // In Vietnamese, one for one, the document numbers kept.
  assert.equal(source.sourcesVi.length, source.sources.length);
  assert.ok(source.sourcesVi.some((s) => s.startsWith("Công văn 10065/VPCP-KGVX")));
  assert.equal(cal.scheduleSource(2030).status, "projected");
  const utc = new Date(Date.UTC(2023, 9, 27, 2, 32)).toISOString();
  assert.equal(cal.addWorkingTime(utc, { days: 5 }), "2023-11-03T09:32+07:00");
  throwsCode(() => cal.addCalendarDays("2026-01-05", -1), "calendar.invalid_duration");
});

test("1,000 bad calls of every kind, then good ones", () => {
  const bad = [
    [() => cal.addWorkingDays("2100-12-31", 5), "calendar.out_of_range"],
    [() => cal.addWorkingDays(undefined, 1), "invalid_type"],
    [() => cal.addWorkingDays(null, 1), "invalid_type"],
    [() => cal.addWorkingDays(20260213, 1), "invalid_type"],
    [() => cal.addWorkingDays("13/02/2026", 1), "invalid_format"],
    [() => cal.addWorkingDays("2026-02-13", "1"), "invalid_type"],
    [() => cal.isWorkingDay("2026-02-30"), "invalid_format"],
    [() => cal.holidays(1850), "calendar.out_of_range"],
    [() => cal.scheduleSource(1999), "calendar.out_of_range"],
    [() => motcua.toLunar("1899-12-31"), "calendar.out_of_range"],
    [() => motcua.fromLunar(2026, 13, 1, false), "lunar.invalid_date"],
    [() => motcua.Catalog.fromJson("{not json"), "procedure.invalid"],
    [() => motcua.Catalog.fromJson(42), "invalid_type"],
    [() => motcua.Dossier.fromJson('{"events": 3}'), "dossier.invalid"],
    [() => motcua.DossierCode.parse("abc"), "dossier.invalid_code"],
    [() => cal.estimate("{}", "2026-02-13T09:30", "direct"), "procedure.invalid"],
    [() => cal.addWorkingDaysMany(["2026-02-13", "x"], 1), "invalid_format"],
    [() => cal.addWorkingDaysMany("2026-02-13", 1), "invalid_type"],
    [() => cal.addWorkingDaysEpoch(new Int32Array([0]), [1, 2]), "invalid_argument"],
    [() => cal.withData('{"overrides": 1}'), "calendar.invalid_data"],
  ];
  for (let i = 0; i < 1000; i++) {
    const [call, code] = bad[i % bad.length];
    throwsCode(call, code);
  }
  assert.equal(cal.addWorkingDays("2026-02-13", 1), "2026-02-23");
  assert.deepStrictEqual(cal.addWorkingDaysMany(["2026-02-13", "2026-01-09"], [1, 1]), ["2026-02-23", "2026-01-10"]);
  assert.equal(motcua.DossierCode.parse("000.00.06.H56-231027-0361").sequence, 361);
  assert.equal(motcua.toLunar("2026-02-17").day, 1);
});

test("batch calls agree with scalar calls and name the bad element", () => {
  const dates = ["2026-02-13", "2026-01-09", "2025-12-31", "2026-04-24"];
  const expected = dates.map((d) => cal.addWorkingDays(d, 3));
  assert.deepStrictEqual(cal.addWorkingDaysMany(dates, 3), expected);
  const day = (iso) => Date.parse(iso) / 86400000;
  const epoch = cal.addWorkingDaysEpoch(new Int32Array(dates.map(day)), new Int32Array([3, 3, 3, 3]));
  assert.deepStrictEqual(Array.from(epoch), expected.map(day));
  assert.deepStrictEqual(cal.addWorkingDaysMany([], 1), []);
  assert.throws(() => cal.addWorkingDaysMany(["2026-02-13", "2026-02-30", "x"], 1),
    (e) => e.code === "invalid_format" && e.index === 1 && /^element 1: /.test(e.message));
  assert.throws(() => cal.addWorkingDaysMany(["2026-02-13", "2100-12-31"], 5),
    (e) => e.code === "calendar.out_of_range" && e.index === 1);
  assert.throws(() => cal.addWorkingDaysMany(["2026-02-13,2026-02-14"], 1),
    (e) => e.code === "invalid_format" && e.index === 0);
  // Elements are checked before anything converts them: no toString runs.
  let called = false;
  const sneaky = { toString() { called = true; return "2026-02-13"; } };
  for (const bad of [Symbol("d"), null, undefined, ["2026-02-13"], sneaky, 20260213]) {
    assert.throws(() => cal.addWorkingDaysMany(["2026-02-13", bad], 1),
      (e) => e instanceof Error && e.code === "invalid_type" && e.index === 1);
  }
  assert.equal(called, false);
  for (const [days, code] of [[20458, "invalid_type"], [null, "invalid_type"], [[20458.5], "invalid_argument"],
    [["20458"], "invalid_type"], [[2 ** 31], "calendar.out_of_range"]]) {
    assert.throws(() => cal.addWorkingDaysEpoch(days, 1), (e) => e.code === code, String(days));
  }
  assert.deepStrictEqual(Array.from(cal.addWorkingDaysEpoch([day("2026-02-13")], [1])), [day("2026-02-23")]);
  // The calendar was never left borrowed by an error: it can still be freed.
  const spare = motcua.Calendar.vietnam();
  assert.throws(() => spare.addWorkingDaysMany([Symbol("x")], 1));
  spare.free();
  assert.throws(() => cal.addWorkingDaysMany(dates, [1, 2]), (e) => e.code === "invalid_argument");
});

test("days off, next and previous working days, as in Python (issue 16)", () => {
  const off = cal.holidays(2026).map((h) => h.date);
  const every = cal.holidays(2026, { workingDays: true }).map((h) => h.date);
  assert.ok(off.includes("2026-01-02") && !off.includes("2026-01-10"));
  assert.deepStrictEqual(every.filter((d) => !off.includes(d)), ["2026-01-10", "2026-08-22"]);
  assert.ok(off.every((d) => !cal.isWorkingDay(d)));
  assert.equal(cal.nextWorkingDay("2026-02-13"), "2026-02-23");
  assert.equal(cal.previousWorkingDay("2026-02-23"), "2026-02-13");
  throwsCode(() => cal.holidays(2026, "yes"), "invalid_type");
  throwsCode(() => cal.holidays(2026, { workingDays: 1 }), "invalid_type");
});
