// One time-zone rule (issue 16): an instant argument is a Date or ISO text
// (Vietnam local time, or with "Z" or an offset); every instant in a result
// is ISO text with "+07:00", so `new Date(result)` is the right instant in
// any zone. And the module's own objects are accepted where their JSON is.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const motcua = require("../pkg-node/motcua.js");

const cal = motcua.Calendar.vietnam();
const catalog = motcua.Catalog.sample();

test("an estimate's due date carries its offset and reads back as the right instant", () => {
  const p = catalog.get("2.000001");
  const { dueAt, explanation } = cal.estimate(p, "2026-02-13T15:30Z");
  // 15:30 UTC on Friday 13/02/2026 is 22:30 in Vietnam, after closing.
  assert.match(dueAt, /\+07:00$/);
  const local = cal.estimate(p, "2026-02-13T22:30");
  assert.equal(local.dueAt, dueAt);
  assert.equal(new Date(dueAt).getTime(), Date.parse(dueAt.replace("+07:00", "Z")) - 7 * 3600e3);
  assert.ok(explanation.every((e) => e.at.endsWith("+07:00")));
});

test("a Date is accepted wherever an instant is", () => {
  const at = new Date(Date.UTC(2023, 9, 27, 2, 32)); // 09:32 in Vietnam
  assert.equal(cal.addWorkingTime(at, { days: 5 }), "2023-11-03T09:32+07:00");
  assert.equal(cal.nextWorkingInstant(at), "2023-10-27T09:32+07:00");
  assert.equal(cal.workingHoursBetween(at, new Date(Date.UTC(2023, 9, 27, 4, 2))), 1.5);
  const d = cal.receive({ procedure: catalog.get("2.000001"), code: "000.00.06.H56-231027-0361", receivedAt: at });
  assert.equal(d.receivedAt, "2023-10-27T09:32+07:00");
  assert.equal(new Date(d.receivedAt).getTime(), at.getTime());
  d.resolve(new Date(Date.UTC(2023, 9, 30, 3, 0)));
  assert.equal(d.events.at(-1).at, "2023-10-30T10:00+07:00");
  assert.throws(() => cal.addWorkingTime(new Date(NaN), { days: 1 }),
    (e) => e.code === "invalid_format" && e.message.includes("invalid Date"));
});

test("the module's own Procedure is accepted where a procedure's JSON is", () => {
  const p = catalog.get("2.000001");
  const fromObject = new motcua.Dossier({ procedure: p, code: "000.00.06.H56-231027-0362", receivedAt: "2023-10-27T09:32" });
  const fromText = new motcua.Dossier({ procedure: p.toJson(), code: "000.00.06.H56-231027-0362", receivedAt: "2023-10-27T09:32" });
  assert.equal(fromObject.dueAt, fromText.dueAt);
  assert.deepStrictEqual(JSON.parse(JSON.stringify(p)), JSON.parse(p.toJson()));
  // The Procedure is still usable: reading it did not take it.
  assert.equal(p.code, "2.000001");
});
