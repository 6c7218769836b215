// Reports, the 766 index, portal payloads and the sample center in
// JavaScript: JSON-shaped objects for dashboards.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const motcua = require("../pkg-node/motcua.js");

function throwsCode(call, code) {
  assert.throws(call, (e) => e instanceof Error && e.code === code, code);
}

test("II.06a report and 766 index of the sample quarter", () => {
  const dossiers = motcua.sampleCenter(7, 600);
  const report = new motcua.PeriodReport("2026-Q3", "agency");
  for (const d of dossiers) report.add(d);
  const { total, rows, excluded } = report.toJson();
  assert.equal(total.receivedOnline + total.receivedDirectPostal, 600);
  assert.equal(total.received, total.receivedOnline + total.receivedDirectPostal + total.carriedOver);
  assert.equal(total.received, total.resolved + total.inProgress + total.withdrawn);
  assert.ok(rows["Sở Tư pháp"].received > 0);
  assert.ok(excluded.endedBefore > 0);
  const inputs = report.indexInputs();
  assert.deepStrictEqual(Object.keys(inputs).sort(), ["dossiers_on_time", "dossiers_online"]);
  const m = motcua.Methodology.default766();
  const score = m.score(inputs);
  assert.equal(score.maxMeasured, 26);
  assert.equal(score.indicators.find((i) => i.id === "1.1").points, null);
  assert.equal(m.whatIf({ dossiers_on_time: [95, 100] }, "on_time_dossiers", 19.2), 25);
  assert.equal(m.whatIf({ dossiers_on_time: [95, 100] }, "on_time_dossiers", 25), null);
  throwsCode(() => m.score({ dossiers_on_time: [101, 100] }), "invalid_argument");
  const typed = report.indexInputs({ dossier_flags: [{ has_fees: true, paid_online: true }, { has_fees: true }] });
  assert.deepStrictEqual(typed.online_payments, [1, 2]);
  throwsCode(() => report.indexInputs({ planets: [] }), "invalid_argument");
  throwsCode(() => m.score(null), "invalid_type");
  throwsCode(() => new motcua.PeriodReport("2026-Q5"), "invalid_argument");
  throwsCode(() => new motcua.PeriodReport(2026), "invalid_type");
  throwsCode(() => motcua.Methodology.fromJson(m.toJson().replace('"max_points": 20.0', '"max_points": 19.0')), "invalid_argument");
});

test("portal payloads", () => {
  const d = motcua.sampleCenter(7, 50).find((x) => x.status === 10);
  const sync = d.portalSync();
  assert.equal(sync.MaHoSo, d.code);
  assert.equal(sync.TrangThaiHoSo, 10);
  motcua.validatePortalSync(sync);
  throwsCode(() => motcua.validatePortalSync({ ...sync, KenhThucHien: 9 }), "portal.invalid_payload");
  assert.equal(d.portalProgress().length, d.events.length);
});
