// Hostile input from JavaScript (issue 13): caller code that throws while
// the module reads an argument, and documents too large to read. No call may
// leave an object locked, and a refused document must cost the module no
// memory it keeps.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const motcua = require("../pkg-node/motcua.js");

const PROCEDURE = {
  code: "1.004227",
  name: "Cấp giấy phép xây dựng",
  processing_time: { kind: "working_days", days: 5 },
};

function dossier() {
  return new motcua.Dossier({
    procedure: PROCEDURE,
    code: "000.00.06.H56-231027-0361",
    receivedAt: "2023-10-27T09:32",
    channel: "direct",
  });
}

/** An array whose every read throws: `Array.isArray` says yes, and then
 * reading its length or an element runs the trap. */
function throwingArray() {
  return new Proxy([0.5], {
    get() {
      throw new Error("trap");
    },
    getPrototypeOf() {
      throw new Error("trap");
    },
  });
}

/** An object whose every read throws. */
function throwingObject() {
  return new Proxy({}, {
    get() { throw new Error("trap"); },
    ownKeys() { throw new Error("trap"); },
    getPrototypeOf() { throw new Error("trap"); },
    getOwnPropertyDescriptor() { throw new Error("trap"); },
  });
}

test("a thresholds array that throws is an error, and the dossier still takes events", () => {
  const d = dossier();
  for (const thresholds of [throwingArray(), throwingObject()]) {
    assert.throws(() => d.warning("2023-10-30T09:00", thresholds), (e) =>
      e instanceof Error && ["invalid_argument", "invalid_type"].includes(e.code));
  }
  // Before the fix the borrow of `d` leaked here and every event threw
  // "recursive use of an object detected".
  d.requestPayment("2023-10-27T10:00");
  assert.equal(d.statusName, "Yêu cầu thực hiện nghĩa vụ tài chính");
});

test("a thrown error comes back typed, with the caller's exception as cause", () => {
  const d = dossier();
  const err = (() => {
    try {
      d.warning("2023-10-30T09:00", throwingArray());
    } catch (e) {
      return e;
    }
    return null;
  })();
  assert.equal(err.code, "invalid_argument");
  assert.match(err.message, /thresholds could not be read: it threw "trap"/);
  assert.equal(err.cause.message, "trap");
});

test("every method of every object survives arguments that throw", () => {
  // Each public method is called with hostile values in every argument
  // position; whatever it answers, the object must keep working afterwards.
  const cal = motcua.Calendar.vietnam();
  const report = new motcua.PeriodReport("2023-Q4");
  const d = dossier();
  const hostile = [throwingArray(), throwingObject()];
  for (const target of [d, cal, report]) {
    const proto = Object.getPrototypeOf(target);
    for (const name of Object.getOwnPropertyNames(proto)) {
      const desc = Object.getOwnPropertyDescriptor(proto, name);
      const own = name === "constructor" || name === "free" || name.startsWith("__");
      if (own || typeof desc.value !== "function") continue;
      for (const bad of hostile) {
        for (let position = 0; position < Math.max(desc.value.length, 1); position++) {
          const args = ["2023-10-30T09:00", "2023-10-31", 1, 1].slice(0, Math.max(desc.value.length, 1));
          args[position] = bad;
          try {
            target[name](...args);
          } catch (e) {
            assert.ok(e instanceof Error, `${name}: ${e}`);
            // The caller's own exception may come back unchanged when
            // wasm-bindgen's glue checks a class argument (\`instanceof\`)
            // before the module is entered; anything else has a code.
            const own = e.message === "trap";
            assert.ok(own || typeof e.code === "string", `${name}(${position}): no code on ${e.message}`);
          }
        }
      }
    }
  }
  d.requestPayment("2023-10-27T10:00");
  assert.equal(d.statusName, "Yêu cầu thực hiện nghĩa vụ tài chính");
  assert.equal(cal.addWorkingDays("2026-02-13", 1), "2026-02-23");
  report.add(d);
});

test("a document above 16 MiB is refused as a JS string, and repeated calls keep no memory", () => {
  const big = "[" + "0,".repeat(8 * 1024 * 1024 + 1) + "0]";
  // The module's memory is outside V8's heap: Node counts it in `external`.
  const memory = () => process.memoryUsage().external;
  for (let i = 0; i < 5; i++) {
    for (const read of [
      () => motcua.Catalog.fromJson(big),
      () => motcua.Dossier.fromJson(big),
      () => motcua.Procedure.fromJson(big),
    ]) {
      assert.throws(read, (e) => e.code === "document.too_large" && /16 MiB/.test(e.message));
    }
  }
  // The module's memory never shrinks: had the text been copied in, the
  // first call would have grown it by 16 MiB or more.
  const before = memory();
  for (let i = 0; i < 3; i++) assert.throws(() => motcua.Catalog.fromJson(big));
  assert.ok(memory() - before < 1024 * 1024, `${before} -> ${memory()}`);
});
