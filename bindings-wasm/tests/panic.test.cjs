// The panic hook, on the test build of the module (bindings-wasm/pkg-probe,
// built by scripts/build-wasm.sh with the feature `panic-probe`): the same
// module as the packages plus `_panicForTests`, an export that panics.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const probe = require("../pkg-probe/motcua.js");
const shipped = require("../pkg-node/motcua.js");

test("a Rust panic reaches JS as an Error with code internal, and the module keeps working", () => {
  const cal = probe.Calendar.vietnam();
  // Only one panic per instance gets the hook (see src/errors.rs), so there
  // is one here.
  assert.throws(() => probe._panicForTests("deliberate"),
    (e) => e instanceof Error && e.code === "internal" && e.message.includes("deliberate"));
  assert.equal(cal.addWorkingDays("2026-02-13", 1), "2026-02-23");
  assert.equal(probe.Calendar.vietnam().isWorkingDay("2026-01-10"), true);
});

test("the packaged module exports nothing that exists for tests", () => {
  assert.equal(shipped._panicForTests, undefined);
  assert.deepEqual(Object.keys(shipped).filter((name) => name.startsWith("_")), []);
});
