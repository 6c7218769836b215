// Dossiers in JavaScript: the shared dossier vectors (tests/vectors/
// dossiers.json, also run by Rust and pytest) and the method API.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const motcua = require("../pkg-node/motcua.js");
const { local } = require("./instants.cjs");

const { cases } = JSON.parse(
  fs.readFileSync(path.join(__dirname, "..", "..", "tests", "vectors", "dossiers.json"), "utf8"),
);

const PROCEDURE = {
  code: "1.004227",
  name: "Cấp giấy phép xây dựng",
  processing_time: { kind: "working_days", days: 5 },
  workflow: [
    { id: "reception", name: "Tiếp nhận", agency: "Trung tâm", budget: 0.5 },
    { id: "review", name: "Thẩm định", agency: "Phòng", budget: 4 },
    { id: "approval", name: "Phê duyệt", agency: "Sở", budget: 0.5 },
  ],
};

function throwsCode(call, code) {
  assert.throws(call, (e) => e instanceof Error && e.code === code, code);
}

for (const c of cases) {
  test(`vector: ${c.name}`, () => {
    if (c.error) {
      throwsCode(() => motcua.Dossier.fromJson(JSON.stringify(c.dossier)), c.error);
      return;
    }
    const d = motcua.Dossier.fromJson(JSON.stringify(c.dossier));
    const got = {
      status: d.status,
      due_at: local(d.dueAt),
      appointment_at: local(d.appointmentAt),
      timeliness_date: d.timeliness("date"),
      timeliness_instant: d.timeliness("instant"),
      violations: d.violations,
      overspent_steps: d.stepUsage.filter((u) => u.overspentHours > 0).map((u) => u.step),
    };
    assert.deepStrictEqual(got, c.expected);
    if (c.rule_set) assert.equal(d.ruleSet, c.rule_set);
    if (c.as_of) {
      const s = d.stateAt(c.as_of);
      const state = {
        status: s.status,
        due_at: local(s.dueAt),
        timeliness_date: s.timelinessDate,
        timeliness_instant: s.timelinessInstant,
        overdue: s.progress ? s.progress.overdue : null,
      };
      if ("effective_due" in c.state) state.effective_due = local(s.progress.effectiveDue);
      assert.deepStrictEqual(state, c.state);
    }
    assert.equal(motcua.Dossier.fromJson(d.toJson()).toJson(), d.toJson());
  });
}

test("the method API, with errors that change nothing", () => {
  const d = new motcua.Dossier({
    procedure: PROCEDURE,
    code: "000.00.06.H56-231027-0361",
    receivedAt: "2023-10-27T09:32",
    channel: "direct",
  });
  assert.equal(d.dueAt, "2023-11-03T09:32+07:00");
  assert.equal(d.status, 2);
  assert.equal(d.statusName, "Được tiếp nhận");
  d.route("2023-10-27T10:00", "reception");
  d.requestSupplement("2023-10-30T09:00", "thiếu bản vẽ");
  assert.equal(d.status, 5);
  const before = d.toJson();
  throwsCode(() => d.resolve("2023-10-31T09:00"), "dossier.invalid_transition");
  throwsCode(() => d.completeSupplement("2023-10-29T09:00"), "dossier.event_out_of_order");
  throwsCode(() => d.completeSupplement(undefined), "invalid_type");
  throwsCode(() => d.completeSupplement("31/10/2023"), "invalid_format");
  assert.equal(d.toJson(), before);
  d.completeSupplement("2023-10-31T09:00");
  assert.equal(d.dueAt, "2023-11-07T09:00+07:00");
  d.extend("2023-11-01T09:00", "2023-11-10T17:00", "xác minh");
  throwsCode(() => d.extend("2023-11-02T09:00", "2023-11-14T17:00"), "dossier.invalid_extension");
  d.resolve("2023-11-08T10:00");
  assert.equal(d.timeliness(), "late");
  assert.equal(d.apologyLetter().newDue, "2023-11-10T17:00+07:00");
  assert.equal(d.receiptSlip().processingTimeVi, "5 ngày làm việc");
  const rules = d.explain().map((e) => e.rule);
  assert.deepStrictEqual(rules.slice(0, 3), ["received", "rule_set", "calendar_data"]);
  assert.ok(rules.includes("restarted") && rules.includes("extended"));
});

test("a custom calendar receives dossiers too", () => {
  const cal = motcua.Calendar.custom({ workingWeekdays: [0, 1, 2, 3, 4, 5] });
  const d = cal.receive({ procedure: JSON.stringify(PROCEDURE), code: "000.00.06.H56-231027-0001", receivedAt: "2023-10-27T09:32" });
  assert.equal(d.dueAt, "2023-11-02T09:32+07:00");
  assert.equal(cal.dossierFromJson(d.toJson()).dueAt, "2023-11-02T09:32+07:00");
});

test("codes, procedures and catalogs", () => {
  const code = motcua.DossierCode.parse("000.00.06.H56-231027-0361");
  assert.deepStrictEqual([code.agency, code.date, code.sequence, code.toString()],
    ["000.00.06.H56", "2023-10-27", 361, "000.00.06.H56-231027-0361"]);
  throwsCode(() => motcua.DossierCode.parse("H56..06-231027-0361"), "dossier.invalid_code");
  throwsCode(() => motcua.DossierCode.parse(null), "invalid_type");
  const gen = new motcua.DossierCodeGenerator();
  gen.register("000.00.06.H56-231027-0361");
  assert.equal(gen.next("000.00.06.H56", "2023-10-27").toString(), "000.00.06.H56-231027-0362");
  throwsCode(() => gen.register("000.00.06.H56-231027-0361"), "dossier.duplicate_code");
  const p = motcua.Procedure.fromJson(PROCEDURE);
  assert.equal(p.code, "1.004227");
  throwsCode(() => motcua.Procedure.fromJson({ ...PROCEDURE, workflow: [] , processing_time: { kind: "working_days", days: -1 } }), "procedure.invalid");
  const catalog = motcua.Catalog.fromJson([PROCEDURE]);
  assert.equal(catalog.get("1.004227").name, "Cấp giấy phép xây dựng");
  throwsCode(() => catalog.get("9.9"), "procedure.unknown");
  throwsCode(() => new motcua.Dossier({ procedure: PROCEDURE, code: "000.00.06.H56-231027-0361", receivedAt: "2023-10-27T09:32", channel: "fax" }), "invalid_argument");
  throwsCode(() => new motcua.Dossier(undefined), "invalid_type");
});

test("online submission, applicant, warnings and the step in progress", () => {
  const d = new motcua.Dossier({
    procedure: PROCEDURE,
    code: "000.00.06.H56-231027-0001",
    channel: "online",
    submittedAt: "2023-10-26T21:00",
    applicant: { name: "Nguyễn Văn An", id_number: "001203004567" },
  });
  assert.equal(d.status, 1);
  assert.equal(d.dueAt, undefined);
  d.accept("2023-10-27T09:32");
  assert.equal(d.dueAt, "2023-11-03T09:32+07:00");
  assert.equal(d.receiptSlip().applicant.name, "Nguyễn Văn An");
  d.route("2023-10-27T09:32", "reception");
  d.route("2023-10-27T11:00", "review");
  assert.equal(d.warning("2023-10-30T09:00"), null);
  assert.equal(d.warning("2023-11-01T09:00"), 0.5);
  assert.equal(d.warning("2023-11-02T14:00", [0.9]), null);
  const review = d.stepUsageAt("2023-11-03T08:00").find((u) => u.step === "review");
  assert.equal(review.overspentHours, 5);
  assert.equal(d.appointmentKept, undefined);
  assert.equal(d.procedure.code, "1.004227");
  assert.equal(d.timeliness(null), null);
  const gen = new motcua.DossierCodeGenerator();
  assert.equal(gen.next("000.00.06.H56", "2023-10-27").sequence, 1);
  assert.throws(
    () => new motcua.Dossier({ procedure: PROCEDURE, code: "000.00.06.H56-231027-0002", receivedAt: "2023-10-27T09:00", applicant: { id_number: 1203004567 } }),
    (e) => e.code === "dossier.invalid" && !e.message.includes("1203004567"),
  );
});

test("estimate: what a dossier received now would say", () => {
  const cal = motcua.Calendar.vietnam();
  const at = "2026-02-13T09:30";
  const est = cal.estimate(JSON.stringify(PROCEDURE), at, "online");
  const d = cal.receive({ procedure: PROCEDURE, code: "000.00.06.H56-260213-0001", receivedAt: at, channel: "online" });
  assert.equal(est.dueAt, d.dueAt);
  assert.deepStrictEqual(est.explanation, d.explain());
  assert.ok(est.explanation.some((e) => e.rule === "day_off_skipped" && e.vi.includes("16/02/2026")));
  const catalog = motcua.Catalog.sample();
  const p = catalog.get(catalog.codes()[0]);
  assert.ok(cal.estimate(p.toJson(), at).dueAt);
  throwsCode(() => cal.estimate(PROCEDURE, at, "fax"), "invalid_argument");
  throwsCode(() => cal.estimate(PROCEDURE, "tomorrow"), "invalid_format");
});

test("Procedure.estimate is the default calendar's estimate, as in Python and Rust", () => {
  const cal = motcua.Calendar.vietnam();
  const p = motcua.Procedure.fromJson(PROCEDURE);
  const at = "2026-02-13T09:30";
  assert.deepStrictEqual(p.estimate(at, "online"), cal.estimate(p, at, "online"));
  const saturdays = motcua.Calendar.custom({ workingWeekdays: [0, 1, 2, 3, 4, 5] });
  assert.notEqual(saturdays.estimate(p, at).dueAt, p.estimate(at).dueAt);
  throwsCode(() => p.estimate(at, "fax"), "invalid_argument");
  throwsCode(() => p.estimate("tomorrow"), "invalid_format");
});

test("JSON errors name the field path and never quote an applicant", () => {
  const bad = { ...PROCEDURE, workflow: [{ ...PROCEDURE.workflow[0], budget: "half" }] };
  assert.throws(
    () => motcua.Procedure.fromJson(bad),
    (e) =>
      e.code === "procedure.invalid" &&
      e.message === "procedure 1.004227: workflow[0].budget: expected a number, found a string",
  );
  assert.throws(
    () => motcua.Catalog.fromJson([PROCEDURE, { ...PROCEDURE, channels: ["onlin"] }]),
    (e) => e.code === "procedure.invalid" && e.message.startsWith("procedures[1]: ") &&
      e.message.includes('channels[0]: "onlin" is not one of "direct", "online" or "postal"'),
  );
  assert.throws(
    () => motcua.Procedure.fromJson('{"code": "1.1", "name": "a", "name": "b"}'),
    (e) => e.code === "procedure.invalid" && e.message.includes('the key "name" is given twice'),
  );
  const dossier = {
    code: "000.00.06.H56-231027-0361",
    procedure: PROCEDURE,
    channel: "direct",
    applicant: { name: "Nguyễn Văn An", id_number: 1203004567 },
    events: [],
  };
  assert.throws(
    () => motcua.Dossier.fromJson(JSON.stringify(dossier)),
    (e) => e.code === "dossier.invalid" && e.message.includes("applicant.id_number") &&
      !e.message.includes("1203004567"),
  );
  // A key can hold the data itself: an unknown one is not quoted (issue 13).
  const keyed = { ...dossier, applicant: { name: "A", phone0901234567: "" } };
  assert.throws(
    () => motcua.Dossier.fromJson(JSON.stringify(keyed)),
    (e) => e.code === "dossier.invalid" && e.message.includes("unknown field") &&
      !e.message.includes("0901234567"),
  );
});

test("a dossier read on another calendar is an error unless re-evaluated", () => {
  const old = motcua.Calendar.custom({ withoutCultureDay: true });
  const d = old.receive({
    procedure: PROCEDURE,
    code: "000.00.06.H56-261120-0001",
    receivedAt: "2026-11-20T09:00",
    channel: "direct",
  });
  assert.equal(d.dueAt, "2026-11-27T09:00+07:00");
  const text = d.toJson();
  assert.equal(old.dossierFromJson(text).toJson(), text);
  throwsCode(() => motcua.Dossier.fromJson(text), "dossier.calendar_mismatch");
  assert.equal(motcua.Dossier.fromJson(text, true).dueAt, "2026-11-30T09:00+07:00");
  throwsCode(() => motcua.Dossier.fromJson(text, "yes"), "invalid_type");
});

test("a procedure's numbers round-trip exactly through the module (float_roundtrip)", () => {
  // One decimal in seven came back one ULP off before (issue 13, item 7).
  for (const days of [235.21006934000002, 0.30000000000000004, 2.2250738585072014e-308, 1 / 3]) {
    const text = JSON.stringify({ code: "1.000009", name: "x", processing_time: { kind: "working_days", days } });
    const again = JSON.parse(motcua.Procedure.fromJson(motcua.Procedure.fromJson(text).toJson()).toJson());
    assert.equal(again.processing_time.days, days);
  }
});

test("a dossier opened with neither instant is the core's one error", () => {
  const code = "000.00.06.H56-231027-0361";
  throwsCode(() => new motcua.Dossier({ procedure: PROCEDURE, code }), "invalid_argument");
  const d = new motcua.Dossier({
    procedure: PROCEDURE,
    code,
    channel: "online",
    submittedAt: "2023-10-27T08:00",
    receivedAt: "2023-10-27T01:32:00.000Z",
  });
  assert.equal(d.receivedAt, "2023-10-27T08:32+07:00");
  assert.deepEqual(
    d.events.map((e) => e.type),
    ["submitted", "accepted"],
  );
});

test("an error carries its place: path and eventIndex", () => {
  const catalog = [
    { code: "1.000001", name: "A", processing_time: { kind: "working_days", days: 5 } },
    { code: "1.000002", name: "B", processing_time: { kind: "working_days", days: "5" } },
  ];
  assert.throws(
    () => motcua.Catalog.fromJson(catalog),
    (e) => e.code === "procedure.invalid" && e.path === "procedures[1].processing_time.days"
      && e.eventIndex === undefined,
  );
  const d = new motcua.Dossier({
    procedure: PROCEDURE, code: "000.00.06.H56-231027-0361", receivedAt: "2023-10-27T09:32",
  });
  d.resolve("2023-10-30T09:00");
  const doc = JSON.parse(d.toJson());
  doc.events[1].at = "2023-10-26T09:00";
  assert.throws(
    () => motcua.Dossier.fromJson(doc),
    (e) => e.code === "dossier.event_out_of_order" && e.eventIndex === 1 && e.path === undefined,
  );
});

test("every error has a Vietnamese message, the same as Python's", () => {
  const bad = { ...PROCEDURE, processing_time: { kind: "working_days", days: "five" } };
  assert.throws(
    () => motcua.Procedure.fromJson(bad),
    (e) =>
      e.code === "procedure.invalid" &&
      e.messageVi === "Khai báo thủ tục hành chính không hợp lệ. Trường: processing_time.days." &&
      e.message.includes("expected"),
  );
  assert.throws(
    () => motcua.Calendar.vietnam().isWorkingDay("2026-13-01"),
    (e) => e.code === "invalid_format" && e.messageVi === "Ngày hoặc thời điểm không đúng định dạng ISO.",
  );
  assert.throws(
    () => motcua.Calendar.vietnam().isWorkingDay(3),
    (e) => e.code === "invalid_type" && e.messageVi === "Tham số có kiểu dữ liệu không đúng.",
  );
});
