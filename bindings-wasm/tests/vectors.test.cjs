// The cross-runtime conformance vectors (tests/vectors/calendar.json), the
// same cases the Rust core and pytest run, against the built Node package.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const motcua = require("../pkg-node/motcua.js");
const { local } = require("./instants.cjs");

const vectors = JSON.parse(
  fs.readFileSync(path.join(__dirname, "..", "..", "tests", "vectors", "calendar.json"), "utf8"),
);
const cal = motcua.Calendar.vietnam();

function check(c, call, convert = (v) => v) {
  if (c.error) {
    assert.throws(call, (e) => e instanceof Error && e.code === c.error, JSON.stringify(c));
  } else {
    assert.deepStrictEqual(call(), convert(c.expected), JSON.stringify(c));
  }
}

function cases(section) {
  assert.ok(vectors[section].length > 0, section);
  return vectors[section];
}

test("isWorkingDay", () => {
  for (const c of cases("is_working_day")) check(c, () => cal.isWorkingDay(c.date));
});

test("addWorkingDays", () => {
  for (const c of cases("add_working_days")) check(c, () => cal.addWorkingDays(c.date, c.n));
});

test("workingDaysBetween", () => {
  for (const c of cases("working_days_between")) check(c, () => cal.workingDaysBetween(c.a, c.b));
});

test("addWorkingTime", () => {
  for (const c of cases("add_working_time")) {
    check(c, () => local(cal.addWorkingTime(c.start, { days: c.days, hours: c.hours, minutes: c.minutes })));
  }
});

test("nextWorkingInstant", () => {
  for (const c of cases("next_working_instant")) check(c, () => local(cal.nextWorkingInstant(c.at)));
});

test("workingHoursBetween", () => {
  for (const c of cases("working_time_between")) {
    assert.equal(cal.workingHoursBetween(c.a, c.b) * 3600, c.expected_seconds);
  }
});

test("addCalendarDays", () => {
  for (const c of cases("add_calendar_days")) check(c, () => cal.addCalendarDays(c.date, c.days));
});

test("toLunar", () => {
  for (const c of cases("to_lunar")) {
    check(c, () => {
      const { year, month, day, leap } = motcua.toLunar(c.date);
      return { year, month, day, leap };
    });
  }
});

test("fromLunar", () => {
  for (const c of cases("from_lunar")) check(c, () => motcua.fromLunar(c.year, c.month, c.day, c.leap));
});

test("yearName", () => {
  for (const c of cases("year_name")) assert.equal(motcua.yearName(c.year), c.expected);
});

test("holidays", () => {
  for (const c of cases("holidays")) {
    const got = cal.holidays(c.year, { workingDays: true });
    assert.deepStrictEqual(got.map((h) => [h.date, h.kind]), c.expected);
    assert.ok(got.every((h) => h.provisional === c.provisional));
  }
});
