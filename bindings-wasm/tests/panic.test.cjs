// The panic hook and the guard after an internal error, on the test build
// of the module (bindings-wasm/pkg-probe, built by scripts/build-wasm.sh
// with the feature `panic-probe`): the same module as the packages plus
// `_panicForTests` and `_trapForTests`. Each test loads its own instance.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const shipped = require("../pkg-node/motcua.js");

const probePath = require.resolve("../pkg-probe/motcua.js");

/** A new instance of the probe module: a fresh require of its glue. */
function freshProbe() {
  delete require.cache[probePath];
  return require(probePath);
}

/** Whether `e` is the guard's error for a call after an internal error. */
function recreate(e) {
  return e instanceof Error && e.code === "internal" && /re-create the module/.test(e.message)
    && typeof e.messageVi === "string" && e.messageVi.length > 0 && e.cause?.code === "internal";
}

/** Every kind of later call on `probe`, and on `cal` and `dossier` made
 * before the error, throws the guard's error. */
function assertBroken(probe, cal, dossier) {
  assert.throws(() => cal.addWorkingDays("2026-02-13", 1), recreate);
  assert.throws(() => cal.isWorkingDay("2026-01-10"), recreate);
  assert.throws(() => probe.Calendar.vietnam(), recreate);
  assert.throws(() => probe.toLunar("2026-02-17"), recreate);
  assert.throws(() => probe.Catalog.sample(), recreate);
  assert.throws(() => dossier.toJson(), recreate);
  // Freeing is plumbing, not a call: it never throws (finalizers run it).
  cal.free();
}

function dossierOn(probe) {
  return new probe.Dossier({
    procedure: { code: "1.000005", name: "Thử", agency: "Sở Thử nghiệm",
      processing_time: { kind: "working_days", days: 5 } },
    code: "000.00.06.H56-261005-0001",
    receivedAt: "2026-10-05T08:00",
    channel: "direct",
  });
}

test("a Rust panic reaches JS as an Error with code internal and its message", () => {
  const probe = freshProbe();
  assert.throws(() => probe._panicForTests("deliberate"),
    (e) => e instanceof Error && e.code === "internal" && e.message.includes("deliberate")
      && e.messageVi === "Lỗi nội bộ của motcua; xin vui lòng báo lại.");
});

test("after a panic every call says to re-create the module, and a new instance works", () => {
  const probe = freshProbe();
  const cal = probe.Calendar.vietnam();
  const dossier = dossierOn(probe);
  assert.equal(cal.addWorkingDays("2026-02-13", 1), "2026-02-23");
  assert.throws(() => probe._panicForTests("deliberate"), (e) => e.code === "internal");
  assertBroken(probe, cal, dossier);
  assert.throws(() => cal.addWorkingDays("2026-02-13", 1), (e) => e.cause.message.includes("deliberate"));

  const again = freshProbe();
  assert.equal(again.Calendar.vietnam().addWorkingDays("2026-02-13", 1), "2026-02-23");
  assert.equal(dossierOn(again).status, 2);
  // The old instance stays refused: its objects are not the new one's.
  assert.throws(() => probe.Calendar.vietnam(), recreate);
});

test("a trap (no hook runs) is an internal error too, never a bare RuntimeError", () => {
  const probe = freshProbe();
  const cal = probe.Calendar.vietnam();
  const dossier = dossierOn(probe);
  const hook = (() => {
    try { freshProbe()._panicForTests("for its Vietnamese sentence"); } catch (e) { return e; }
  })();
  assert.throws(() => probe._trapForTests(),
    (e) => e instanceof Error && e.code === "internal" && e.cause instanceof WebAssembly.RuntimeError
      && e.messageVi === hook.messageVi);
  assertBroken(probe, cal, dossier);
});

test("a typed error leaves the module working", () => {
  const probe = freshProbe();
  const cal = probe.Calendar.vietnam();
  assert.throws(() => cal.addWorkingDays("2026-13-01", 1), (e) => e.code === "invalid_format");
  assert.equal(cal.addWorkingDays("2026-02-13", 1), "2026-02-23");
});

test("the packaged module exports nothing that exists for tests", () => {
  assert.equal(shipped._panicForTests, undefined);
  assert.equal(shipped._trapForTests, undefined);
  assert.deepEqual(Object.keys(shipped).filter((name) => name.startsWith("_")), []);
});
