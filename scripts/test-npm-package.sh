#!/usr/bin/env bash
# The npm package as a user gets it: `npm pack` of bindings-wasm/pkg (built
# by scripts/build-wasm.sh), installed from the tarball into a fresh
# consumer project, then
#   - `import` and `import()` from an ES module and `require` from CommonJS
#     in Node, each answering a call;
#   - tsc on a TypeScript consumer with `lib: ["ES2022"]` and
#     `skipLibCheck: false`, against the package's own declarations
#     (TypeScript from bindings-wasm/types-test, installed by `npm ci`);
#   - Vitest running a consumer's test that calls `import("motcua")`;
#   - the tarball holds the two builds, README and licences, and no export
#     whose name starts with "_" (nothing test-only).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tsc="$root/bindings-wasm/types-test/node_modules/.bin/tsc"
vitest="$root/bindings-wasm/types-test/node_modules/.bin/vitest"
[ -x "$tsc" ] && [ -x "$vitest" ] || (cd "$root/bindings-wasm/types-test" && npm ci --no-audit --no-fund --loglevel=error)

tarball="$(cd "$root/bindings-wasm/pkg" && npm pack --silent --pack-destination "$work")"
files="$(tar -tzf "$work/$tarball" | sort)"
for want in package/package.json package/README.md package/LICENSE-MIT package/LICENSE-APACHE \
  package/node/motcua.js package/node/motcua.d.ts package/node/motcua_bg.wasm \
  package/web/motcua.js package/web/motcua.d.ts package/web/motcua_bg.wasm; do
  grep -qx "$want" <<<"$files" || { echo "npm-package: $tarball lacks $want" >&2; exit 1; }
done
if grep -Eq '^export (function|class|const) _' "$root"/bindings-wasm/pkg/*/motcua.d.ts; then
  echo "npm-package: a test-only export (a name starting with _) is in the package" >&2
  exit 1
fi

consumer="$work/consumer"
mkdir "$consumer"
cd "$consumer"
printf '{ "name": "consumer", "private": true, "type": "module" }\n' > package.json
npm install --silent --no-audit --no-fund "$work/$tarball"

cat > esm.mjs <<'JS'
import assert from "node:assert/strict";
import { Calendar, Catalog } from "motcua";
const cal = Calendar.vietnam();
assert.equal(cal.addWorkingDays("2026-02-13", 1), "2026-02-23");
const { dueAt } = cal.estimate(Catalog.sample().get("2.000001"), new Date("2026-02-13T08:30Z"));
assert.match(dueAt, /\+07:00$/);
const dynamic = await import("motcua");
assert.equal(dynamic.Calendar.vietnam().isWorkingDay("2026-11-24"), false);
// No export exists for tests only (names starting with "_").
assert.deepEqual(Object.keys(dynamic).filter((name) => name.startsWith("_")), []);
JS
cat > cjs.cjs <<'JS'
const assert = require("node:assert/strict");
const { Calendar } = require("motcua");
assert.equal(Calendar.vietnam().addWorkingTime("2023-10-27T09:32", { days: 5 }), "2023-11-03T09:32+07:00");
JS
node esm.mjs
node cjs.cjs

cat > consumer.ts <<'TS'
import { Calendar, Catalog, type Instant } from "motcua";
const cal: Calendar = Calendar.vietnam();
const at: Instant = new Date();
const due: string | null = cal.estimate(Catalog.sample().get("2.000001"), at).dueAt;
const next: string = cal.addWorkingDays("2026-02-13", 1);
export const result: [string | null, string] = [due, next];
TS
cat > tsconfig.json <<'JSON'
{
  "compilerOptions": {
    "strict": true, "noEmit": true, "target": "ES2022", "lib": ["ES2022"],
    "module": "NodeNext", "moduleResolution": "NodeNext", "types": [], "skipLibCheck": false
  },
  "files": ["consumer.ts"]
}
JSON
"$tsc" -p tsconfig.json

# Vitest (from bindings-wasm/types-test) on a test of the consumer: its
# resolver takes the package's `exports` as a test runner does. Globals,
# because the consumer itself does not depend on Vitest.
cat > import.test.mjs <<'JS'
test("import(\"motcua\") works under Vitest", async () => {
  const { Calendar } = await import("motcua");
  expect(Calendar.vietnam().addWorkingDays("2026-11-23", 1)).toBe("2026-11-25");
});
JS
"$vitest" run --globals --root "$consumer" --reporter=dot >/dev/null
echo "npm-package: $tarball installs, imports (ESM, import(), require), runs under Vitest and type-checks with lib ES2022"
