// The module's guard after an internal error, appended to every glue file
// wasm-bindgen writes (scripts/build-wasm.sh), which then reads the
// instance's exports through `motcuaGuard`. Only function declarations:
// the glue calls the guard before the end of the file is evaluated.
//
// Why: the WASM target cannot unwind. A Rust panic reaches JS through the
// panic hook (bindings-wasm/src/errors.rs) as an `Error` with code
// `internal`, but whatever the failed call held stays as it was: a value
// half-changed, an object still borrowed, memory leaked. A trap (a second
// panic, memory exhausted) leaves the same and says only
// `RuntimeError: unreachable`. No later answer of that instance can be
// trusted, so after the first, every call throws code `internal` saying to
// re-create the module, and none reaches the broken instance.

// `exports` with every API function guarded. The glue's own plumbing
// (`__wbindgen_*`: allocation, the stack pointer, and `__wbg_*_free`,
// which garbage collection calls) passes through untouched: it runs in
// `finally` blocks and finalizers, where a throw would replace the call's
// own error or end a Node process.
function motcuaGuard(exports) {
  const state = { broken: null };
  const guarded = {};
  for (const [name, value] of Object.entries(exports)) {
    guarded[name] =
      typeof value === "function" && !name.startsWith("__") ? motcuaGuardCall(state, value) : value;
  }
  return guarded;
}

function motcuaGuardCall(state, call) {
  return (...args) => {
    if (state.broken !== null) throw motcuaBrokenError(state.broken);
    try {
      return call(...args);
    } catch (e) {
      // Typed errors come back as values, not exceptions: whatever is
      // thrown through the module is a panic or a trap.
      state.broken = motcuaInternalError(e);
      throw state.broken;
    }
  };
}

// The panic hook's own error, or a trap's as an internal error.
function motcuaInternalError(e) {
  if (e instanceof Error && e.code === "internal") return e;
  const error = new Error(`internal error in motcua (please report it): ${e}`, { cause: e });
  error.code = "internal";
  error.messageVi = "__INTERNAL_VI__";
  return error;
}

function motcuaBrokenError(first) {
  const error = new Error(
    `motcua cannot be used after its internal error (${first.message}): re-create the module ` +
      "(import or require it anew) and make its objects again",
    { cause: first },
  );
  error.code = "internal";
  error.messageVi = first.messageVi;
  return error;
}
