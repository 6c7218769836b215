// Reports and the 766 index in JavaScript: JSON-shaped objects for
// dashboards, over dossiers recorded through the method API.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const motcua = require("../pkg-node/motcua.js");

function throwsCode(call, code) {
  assert.throws(call, (e) => e instanceof Error && e.code === code, code);
}

const PROCEDURE = {
  code: "1.004227",
  name: "Cấp giấy phép xây dựng",
  agency: "Sở Xây dựng",
  processing_time: { kind: "working_days", days: 5 },
};

let sequence = 0;
function receive(receivedAt, channel = "direct") {
  sequence += 1;
  const date = receivedAt.slice(2, 10).replaceAll("-", "");
  const code = `000.00.06.H56-${date}-${String(sequence).padStart(4, "0")}`;
  return new motcua.Dossier({ procedure: PROCEDURE, code, receivedAt, channel });
}

// Third quarter of 2026, five working days a dossier. Each line says where
// the dossier must be counted.
function quarter() {
  const early = receive("2026-07-06T09:00"); // due 13/07 09:00
  early.resolve("2026-07-08T10:00");
  const late = receive("2026-08-03T09:00", "online"); // due 10/08 09:00
  late.resolve("2026-08-20T09:00");
  const withdrawn = receive("2026-07-10T09:00");
  withdrawn.withdraw("2026-07-13T09:00");
  const overdue = receive("2026-09-01T09:00"); // due before 30/09
  const withinTime = receive("2026-09-29T09:00", "online"); // due in October
  const carriedOver = receive("2026-06-25T09:00"); // due 02/07 09:00
  carriedOver.resolve("2026-07-15T09:00");
  const endedBefore = receive("2026-06-01T09:00");
  endedBefore.resolve("2026-06-03T09:00");
  const receivedAfter = receive("2026-10-05T09:00");
  return { early, late, withdrawn, overdue, withinTime, carriedOver, endedBefore, receivedAfter };
}

test("II.06a report of a quarter, with the dossiers it leaves out", () => {
  const d = quarter();
  const report = new motcua.PeriodReport("2026-Q3", "agency");
  for (const dossier of [d.early, d.late, d.withdrawn, d.overdue, d.withinTime, d.carriedOver]) {
    assert.equal(report.add(dossier), null);
  }
  assert.equal(report.add(d.endedBefore), "ended_before");
  assert.equal(report.add(d.receivedAfter), "received_after");
  const { period, groupBy, total, rows, excluded } = report.toJson();
  assert.deepStrictEqual(period, { first: "2026-07-01", last: "2026-09-30" });
  assert.deepStrictEqual([groupBy, Object.keys(rows)], ["agency", ["Sở Xây dựng"]]);
  assert.deepStrictEqual(rows["Sở Xây dựng"], total);
  assert.deepStrictEqual(
    [total.received, total.receivedOnline, total.receivedDirectPostal, total.carriedOver],
    [6, 2, 3, 1],
  );
  assert.deepStrictEqual([total.resolved, total.early, total.onTime, total.late], [3, 1, 0, 2]);
  assert.deepStrictEqual([total.inProgress, total.withinTime, total.overdue], [2, 1, 1]);
  assert.deepStrictEqual([total.withdrawn, total.refused], [1, 0]);
  assert.deepStrictEqual(excluded, { endedBefore: 1, receivedAfter: 1 });
});

test("766 index of the quarter, what-if and bad inputs", () => {
  const d = quarter();
  const report = new motcua.PeriodReport("2026-Q3");
  for (const dossier of Object.values(d)) report.add(dossier);
  const inputs = report.indexInputs();
  // Processed: 3 resolved + 2 in progress; on time: the early one and the
  // one within time. Online: 2 of the 5 received in the quarter, also the
  // portal's online-service figure (policy online_service_from_online_share).
  // No dossier records facts: no fact-based input is measured.
  assert.deepStrictEqual(inputs, { dossiers_on_time: [2, 5], dossiers_online: [2, 5], online_service: [2, 5] });
  assert.deepStrictEqual(motcua.Methodology.versions(), ["766-dvcqg-2026-10", "766-2022-default-1"]);
  assert.equal(motcua.Methodology.default766().version, "766-dvcqg-2026-10");
  const m = motcua.Methodology.builtin("766-2022-default-1");
  const score = m.score(inputs);
  assert.equal(score.maxMeasured, 26);
  assert.equal(score.indicators.find((i) => i.id === "1.1").points, null);
  throwsCode(() => motcua.Methodology.builtin("766-2019"), "invalid_argument");
  // The portal's table: groups, and a typo in an input name is an error.
  const portal = motcua.Methodology.default766().score({ dossiers_on_time: [653, 654], feedback_on_time: [0, 0] });
  assert.deepStrictEqual(portal.groups.map((g) => g.code), ["CKMB", "TDGQ", "ONLINE", "TTTT", "MDSH", "MDHL"]);
  assert.equal(portal.groups[1].points, 19.97);
  assert.equal(portal.total, 25.97);
  assert.throws(
    () => motcua.Methodology.default766().score({ dossier_on_time: [1, 2] }),
    (e) => e.code === "invalid_argument" && e.message.includes('"dossier_on_time"') && e.message.includes('"dossiers_on_time"'),
  );
  assert.equal(m.whatIf({ dossiers_on_time: [95, 100] }, "dossiers_on_time", 19.2), 25);
  assert.equal(m.whatIf({ dossiers_on_time: [95, 100] }, "dossiers_on_time", 25), null);
  throwsCode(() => m.score({ dossiers_on_time: [101, 100] }), "invalid_argument");
  const typed = report.indexInputs({
    publications: [{ legal_basis_effective: "2026-03-16", decision_date: "2026-03-09", made_public: "2026-03-16", full_content: true }],
  });
  assert.deepStrictEqual(typed.procedures_published_on_time, [1, 1]);
  throwsCode(() => report.indexInputs({ planets: [] }), "invalid_argument");
  throwsCode(() => m.score(null), "invalid_type");
  throwsCode(() => new motcua.PeriodReport("2026-Q5"), "invalid_argument");
  throwsCode(() => new motcua.PeriodReport(2026), "invalid_type");
  throwsCode(() => motcua.Methodology.fromJson(m.toJson().replace('"max_points":20.0', '"max_points":19.0')), "invalid_argument");
});

test("data keys stay rows: __proto__ and snake-like codes are not lost or renamed (issue 13)", () => {
  const report = new motcua.PeriodReport("2026-Q3", "agency");
  for (const [agency, code] of [["__proto__", "0001"], ["H21_17", "0002"], ["Sở Xây dựng", "0003"]]) {
    const d = new motcua.Dossier({
      procedure: { ...PROCEDURE, agency },
      code: `000.00.06.H56-260706-${code}`,
      receivedAt: "2026-07-06T09:00",
    });
    report.add(d);
  }
  const json = report.toJson();
  assert.deepStrictEqual(Object.keys(json.rows).sort(), ["H21_17", "Sở Xây dựng", "__proto__"].sort());
  assert.ok(Object.prototype.hasOwnProperty.call(json.rows, "__proto__"));
  const received = Object.values(json.rows).reduce((sum, row) => sum + row.received, 0);
  assert.equal(received, json.total.received);
});

test("dossier facts and the unit's catalog give the index inputs (issue 15)", () => {
  const FEE = {
    ...PROCEDURE,
    fees: [{ kind: "charge", name: "Lệ phí", amount_vnd: 50000 }],
    payment_on_portal: true,
    population_data: true,
  };
  const report = new motcua.PeriodReport("2026-Q3");
  const paid = new motcua.Dossier({ procedure: FEE, code: "000.00.06.H56-260706-0001", receivedAt: "2026-07-06T09:00" });
  assert.equal(paid.facts, null);
  for (const fact of ["synced", "paid_online", "digitised", "synced"]) paid.note(fact);
  assert.deepStrictEqual(paid.facts, ["synced", "digitised", "paid_online"]);
  const unpaid = new motcua.Dossier({ procedure: FEE, code: "000.00.06.H56-260706-0002", receivedAt: "2026-07-06T09:00" });
  unpaid.note("complaint");
  throwsCode(() => unpaid.note("synched"), "invalid_argument");
  assert.deepStrictEqual(unpaid.facts, ["complaint"]);
  for (const d of [paid, unpaid]) d.resolve("2026-07-08T09:00");
  report.add(paid);
  report.add(unpaid);
  const inputs = report.indexInputs(undefined, [FEE]);
  assert.deepStrictEqual(inputs.online_payments, [1, 2]);
  assert.deepStrictEqual(inputs.dossiers_synced, [1, 2]);
  assert.deepStrictEqual(inputs.procedure_satisfaction, [1, 2]);
  assert.deepStrictEqual(inputs.procedures_paid_online, [1, 1]);
  assert.deepStrictEqual(inputs.procedures_payment_integrated, [1, 1]);
  assert.equal(inputs.procedures_published_on_time, undefined);
  const score = motcua.Methodology.default766().score(inputs);
  assert.equal(score.indicators.find((i) => i.id === "ONLINE_PAYMENT_DOSSIERS").points, 6 * 0.5);
});
