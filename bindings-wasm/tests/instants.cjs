// Instants in results carry Vietnam's offset, "+07:00", so that `new Date`
// reads the right instant anywhere; the shared vectors of tests/vectors hold
// Vietnam local time. `local` checks the offset and gives the local time.
"use strict";
const assert = require("node:assert/strict");

exports.local = function local(value) {
  if (value === null || value === undefined) return value ?? null;
  assert.match(value, /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?\+07:00$/);
  return value.slice(0, -"+07:00".length);
};
