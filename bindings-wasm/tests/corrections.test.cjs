// Corrections of the append-only log in JavaScript: void and amend append
// entries, the original stays visible and flagged, a rejected correction
// changes nothing, figures before a correction show what was known then.
// The replay rules are the shared vectors (dossier.test.cjs).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const motcua = require("../pkg-node/motcua.js");

const PROCEDURE = {
  code: "1.000005",
  name: "Thử",
  agency: "Sở Thử nghiệm",
  processing_time: { kind: "working_days", days: 5 },
};

function throwsCode(call, code) {
  assert.throws(call, (e) => e instanceof Error && e.code === code, code);
}

/** Received Mon 05/10/2026 08:00, resolved with the year mistyped. */
function typo() {
  const d = new motcua.Dossier({
    procedure: PROCEDURE,
    code: "000.00.06.H56-261005-0001",
    receivedAt: "2026-10-05T08:00",
    channel: "direct",
    actor: "can-bo",
  });
  d.resolve("2036-10-07T10:00", "can-bo");
  return d;
}

test("a void unblocks a far-future typo, and the original stays flagged", () => {
  const d = typo();
  throwsCode(() => d.resolve("2026-10-08T10:00"), "dossier.event_out_of_order");
  d.void(1, "gõ nhầm năm", "truong-phong", "2026-10-08T09:00");
  d.resolve("2026-10-08T10:00", "can-bo");
  assert.equal(d.status, 9);
  assert.equal(d.timeliness("date"), "early");
  assert.deepStrictEqual(d.events.map((e) => e.type), ["accepted", "resolved", "voided", "resolved"]);
  assert.equal(d.events[1].voidedBy, 2);
  assert.deepStrictEqual(d.history.map((e) => e.type), ["accepted", "resolved"]);
  assert.equal(d.stateAt("2026-10-08T08:59").status, 2);
  assert.equal(motcua.Dossier.fromJson(d.toJson()).toJson(), d.toJson());
});

test("an amendment takes an object with a Date, and is explained", () => {
  const d = typo();
  d.amend(1, { type: "resolved", at: new Date("2026-10-07T03:00Z"), actor: "can-bo" }, "gõ nhầm năm", "truong-phong", "2026-10-08T09:00");
  assert.equal(d.events[1].amendedBy, 2);
  assert.equal(d.stateAt("2026-10-09T00:00").endedAt, "2026-10-07T10:00+07:00");
  const line = d.explain().find((e) => e.rule === "corrected");
  assert.ok(line.vi.includes("truong-phong") && line.vi.includes("gõ nhầm năm"), line.vi);
  assert.ok(line.en.startsWith("Corrected on"), line.en);
});

test("a rejected correction changes nothing", () => {
  const d = typo();
  const before = d.toJson();
  throwsCode(() => d.void(1, "", "truong-phong", "2026-10-08T09:00"), "dossier.invalid_correction");
  throwsCode(() => d.void(1, "gõ nhầm", "", "2026-10-08T09:00"), "dossier.invalid_correction");
  throwsCode(() => d.void(7, "gõ nhầm", "truong-phong", "2026-10-08T09:00"), "dossier.invalid_correction");
  throwsCode(() => d.void(-1, "gõ nhầm", "truong-phong", "2026-10-08T09:00"), "calendar.out_of_range");
  throwsCode(() => d.void(0, "nhầm hồ sơ", "truong-phong", "2036-10-08T09:00"), "dossier.invalid_transition");
  throwsCode(() => d.amend(1, "resolved", "sai", "truong-phong", "2026-10-08T09:00"), "invalid_type");
  throwsCode(() => d.amend(1, { type: "nope", at: "2026-10-07T10:00" }, "sai", "truong-phong", "2026-10-08T09:00"), "dossier.invalid");
  throwsCode(() => d.void(1, "gõ nhầm"), "invalid_type");
  assert.equal(d.toJson(), before);
  d.void(1, "gõ nhầm năm", "truong-phong", "2026-10-08T09:00");
  throwsCode(() => d.void(2, "hủy nhầm", "truong-phong", "2026-10-08T09:30"), "dossier.invalid_correction");
});

test("a closed quarter changes only when re-run on the corrected log", () => {
  const d = typo();
  d.amend(1, { type: "resolved", at: "2026-10-07T10:00" }, "gõ nhầm năm", "truong-phong", "2037-01-05T09:00");
  const asKnown = new motcua.PeriodReport("2026-Q4", "total");
  asKnown.add(d);
  const rerun = new motcua.PeriodReport("2026-Q4", "total");
  rerun.add(d.corrected());
  assert.equal(asKnown.toJson().total.inProgress, 1);
  assert.equal(rerun.toJson().total.early, 1);
});

test("a dossier added twice to a report is an error naming it, counted once", () => {
  const d = typo();
  const report = new motcua.PeriodReport("2026-Q4", "total");
  report.add(d);
  const before = JSON.stringify(report.toJson());
  assert.throws(() => report.add(d), (e) => e.code === "dossier.duplicate_code" && e.message.includes("000.00.06.H56-261005-0001"));
  assert.equal(JSON.stringify(report.toJson()), before);
});
