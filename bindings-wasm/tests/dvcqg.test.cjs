// The portal's own scoring, reproduced in JavaScript: every unit of one
// export of the national portal (Gia Lai, 10/10/2026, tests/data/dvcqg/,
// sources in the file) is read with indexInputsFromDvcqg, scored with the
// default methodology and compared with the points the portal published.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const motcua = require("../pkg-node/motcua.js");

const EXPORT = JSON.parse(
  fs.readFileSync(path.join(__dirname, "..", "..", "tests", "data", "dvcqg", "gia_lai_10102026.json"), "utf8"),
);
// Units whose published TTTT points no rule reproduces to the hundredth
// (see Methodology::dvcqg_2026_10 in the Rust docs): off by 0.01, never more.
const TTTT_OFF_BY_A_HUNDREDTH = new Set(["H21.100", "H21.149", "H21.205"]);
const h = (x) => Math.round(x * 100);

test("every metric, group and total of every unit is the portal's", () => {
  const m = motcua.Methodology.default766();
  const units = EXPORT.unitsDetail;
  assert.equal(units.length, 149);
  let metrics = 0;
  for (const unit of units) {
    const code = unit.departmentCode;
    const score = m.score(motcua.indexInputsFromDvcqg(unit));
    for (const block of Object.values(unit.componentIndicators)) {
      for (const metric of block.metrics ?? []) {
        if (metric.maxScore === 0) continue;
        const ours = score.indicators.find((i) => i.id === metric.code);
        assert.equal(h(ours.points), h(metric.score ?? 0), `${code} ${metric.code}`);
        metrics += 1;
      }
    }
    const off = TTTT_OFF_BY_A_HUNDREDTH.has(code) ? 1 : 0;
    for (const [group, published] of Object.entries(unit.groupScores)) {
      const ours = score.groups.find((g) => g.code === group).points;
      assert.equal(Math.abs(h(ours) - h(published)), group === "TTTT" ? off : 0, `${code} ${group}`);
    }
    const sum = Object.values(unit.groupScores).reduce((a, v) => a + h(v), 0);
    if (sum === h(unit.totalScore)) assert.equal(Math.abs(h(score.total) - h(unit.totalScore)), off, `${code} total`);
  }
  assert.equal(metrics, 149 * 14);
});

test("a bad unit is refused naming its code and the field", () => {
  const unit = structuredClone(EXPORT.unitsDetail[0]);
  unit.componentIndicators.ONLINE_DichVuTrucTuyen.ratio = 100.5;
  assert.throws(
    () => motcua.indexInputsFromDvcqg(unit),
    (e) => e.code === "invalid_argument" && e.message.startsWith("portal unit H21.17: ")
      && e.path === "componentIndicators.ONLINE_DichVuTrucTuyen.ratio",
  );
  delete unit.childGroup;
  assert.throws(() => motcua.indexInputsFromDvcqg(JSON.stringify(unit)), (e) => e.path === "childGroup");
  assert.throws(() => motcua.indexInputsFromDvcqg(42), (e) => e.code === "invalid_type");
});

test("the scorecard as plain objects, units matched through a registry", () => {
  const previous = structuredClone(EXPORT.unitsDetail);
  previous.find((u) => u.departmentCode === "H21.17").componentIndicators.CKMB_CongKhaiMinhBach.metrics[0].numerator = 11;
  const m = motcua.Methodology.default766();
  const card = m.scorecard(EXPORT.unitsDetail, previous);
  assert.equal(card.rows.length, 149);
  const row = card.rows.find((r) => r.code === "H21.17");
  assert.deepStrictEqual([row.rank, row.change, row.previousTotal], [1, -1.27, 80.54]);
  assert.deepStrictEqual([row.actions[0].indicator, row.actions[0].more, row.actions[0].of, row.actions[0].gain], ["PUBLISH_ON_TIME", 46, 47, 5.87]);
  // A ward under its former identifier last month meets its current unit.
  const registry = motcua.UnitRegistry.fromJson({
    province: { id: "p", code: "H99", name: "Tỉnh thử" },
    units: [{ id: "w-new", code: "H99.102", name: "UBND phường Hai", group: "COMMUNE" }],
    history: [{ from: "w-old", to: "w-new", effective: "2025-07-01" }],
  });
  assert.equal(registry.current("w-old").code, "H99.102");
  const unit = (id, onTime) => ({ id, code: "H99.102", name: "UBND phường Hai", group: "COMMUNE", inputs: { dossiers_on_time: [onTime, 100] } });
  const merged = registry.scorecard(m, [unit("w-new", 95)], [unit("w-old", 80)]);
  assert.deepStrictEqual([merged.rows[0].previousTotal, merged.rows[0].change], [16, 3]);
  assert.equal(m.scorecard([unit("w-old", 80)]).rows[0].previousTotal, null);
  assert.throws(
    () => motcua.UnitRegistry.fromJson({ province: { id: "p", code: "H99", name: "T" }, units: [], history: [
      { from: "a", to: "b", effective: "2025-07-01" }, { from: "b", to: "a", effective: "2025-07-01" }] }),
    (e) => e.code === "invalid_argument" && e.message.includes("cycle"),
  );
  assert.throws(() => m.scorecard([{ ...unit("w", 1), group: "DISTRICT" }]), (e) => e.path === "[0].group");
});
