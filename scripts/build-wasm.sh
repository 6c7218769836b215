#!/usr/bin/env bash
# Builds the `motcua` WASM module and its JS glue:
#   bindings-wasm/pkg-node/  CommonJS package for Node.js
#   bindings-wasm/pkg-web/   ES module for browsers and bundlers
#   bindings-wasm/pkg/       the npm package holding both
#   bindings-wasm/pkg-probe/ the test build (Node), with exports that panic
#                            and trap; pkg-probe-web/ the same for browsers
# Toolchain: the rustup wasm32 target
# and its library source if they can be added, else Debian's rustc-web;
# std is built from source on both routes (see build_std below);
# wasm-bindgen-cli at exactly the version of the wasm-bindgen crate.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
target=wasm32-unknown-unknown
profile=wasm-release
wasm="target/$target/$profile/motcua_wasm.wasm"

# std is rebuilt for the module, not taken prebuilt: with the
# `optimize_for_size` feature it picks its small algorithms (sorting,
# formatting), and without panic locations (`-Zlocation-detail=none`) the
# file names of every panic site leave the data section. Together about
# 40 KB (7 %) of the module. Derived `Debug` impls print only the type's
# name (`-Zfmt-debug=shallow`, 2.5 KB; std is built with it too): no
# message or result of motcua shows a derived `Debug`. Only panic texts
# change: an `.expect()` on an error names the error's type, not its
# message.
# All are unstable options of cargo and rustc, opened on the stable
# toolchain with RUSTC_BOOTSTRAP=1, as route 2 of the toolchain guide
# already does.
build_std=(-Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size)
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zlocation-detail=none -Zfmt-debug=shallow"

rustup_has_target_and_source() {
  { rustup target list --installed 2>/dev/null | grep -qx "$target" \
    || rustup target add "$target" >/dev/null 2>&1; } \
    && { rustup component list --installed 2>/dev/null | grep -q '^rust-src' \
    || rustup component add rust-src >/dev/null 2>&1; }
}

# Builds the module with cargo's extra arguments "$@", on the rustup route
# when it has the target and the library source, else on Debian's.
build_module() {
  if rustup_has_target_and_source; then
    RUSTC_BOOTSTRAP=1 cargo build --quiet --profile "$profile" "${build_std[@]}" \
      --target "$target" -p motcua-wasm "$@"
  else
    echo "build-wasm: rustup target or library source unavailable; using Debian rustc-web with build-std" >&2
    if [ ! -x /usr/bin/rustc ] || [ ! -d /usr/lib/rustlib/src/rust ]; then
      apt-get update -qq && apt-get install -y -qq rustc-web cargo-web rust-web-src >/dev/null
    fi
    local lld
    lld="$(rustc --print sysroot)/lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld"
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="$lld" RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 \
      /usr/bin/cargo build --quiet --profile "$profile" "${build_std[@]}" \
      --target "$target" -p motcua-wasm "$@"
  fi
}

# The test build first: the same module plus `_panicForTests` (feature
# `panic-probe`), which the Node test of the panic hook loads from
# bindings-wasm/pkg-probe. Only the one crate is compiled again for it.
build_module --features panic-probe
probe_wasm="target/$target/$profile/motcua_wasm_probe.wasm"
cp "$wasm" "$probe_wasm"
build_module

# wasm-bindgen-cli must match the crate version exactly (Cargo.toml pins it).
version="$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)"
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $version"; then
  echo "build-wasm: installing wasm-bindgen-cli $version (about 3 minutes)" >&2
  # --force: reinstall even where cargo remembers an install whose binary is gone.
  cargo install --quiet --force wasm-bindgen-cli --version "$version"
fi

package_json() {
  local kind="$1"
  local crate_version
  crate_version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)"
  if [ "$kind" = node ]; then
    printf '{\n  "name": "motcua",\n  "version": "%s",\n  "description": "Vietnam one-stop public service rules: working calendar, lunar calendar, due dates (Node.js build)",\n  "main": "motcua.js",\n  "types": "motcua.d.ts",\n  "files": ["motcua.js", "motcua.d.ts", "motcua_bg.wasm", "motcua_bg.wasm.d.ts", "snippets/"],\n  "license": "MIT OR Apache-2.0"\n}\n' "$crate_version"
  else
    printf '{\n  "name": "motcua",\n  "version": "%s",\n  "description": "Vietnam one-stop public service rules: working calendar, lunar calendar, due dates (browser ES module)",\n  "type": "module",\n  "module": "motcua.js",\n  "types": "motcua.d.ts",\n  "files": ["motcua.js", "motcua.d.ts", "motcua_bg.wasm", "motcua_bg.wasm.d.ts", "snippets/"],\n  "sideEffects": ["./snippets/*"],\n  "license": "MIT OR Apache-2.0"\n}\n' "$crate_version"
  fi
}

npm_package_json() {
  local crate_version
  crate_version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)"
  cat <<JSON
{
  "name": "motcua",
  "version": "$crate_version",
  "description": "Vietnam's one-stop public administrative service rules: working calendar with lunar Tết and official schedules, legal due dates, period report and the Decision 766 service index (WebAssembly).",
  "keywords": ["vietnam", "working-days", "business-days", "holidays", "lunar-calendar", "tet", "government", "public-service", "wasm"],
  "license": "MIT OR Apache-2.0",
  "engines": { "node": ">=20.19" },
  "main": "./node/motcua.js",
  "module": "./web/motcua.js",
  "types": "./node/motcua.d.ts",
  "exports": {
    ".": {
      "node": { "types": "./node/motcua.d.ts", "default": "./node/motcua.js" },
      "types": "./web/motcua.d.ts",
      "default": "./web/motcua.js"
    },
    "./motcua_bg.wasm": "./web/motcua_bg.wasm",
    "./package.json": "./package.json"
  },
  "files": ["node/", "web/", "README.md", "LICENSE-MIT", "LICENSE-APACHE"],
  "sideEffects": ["./node/snippets/*", "./web/snippets/*"]
}
JSON
}

# The guard of bindings-wasm/js/guard.js goes into each glue file: the glue
# reads the instance's exports through it, so that after an internal error
# every call says to re-create the module. Its Vietnamese sentence is the
# core's for the kind `internal` (core/src/error.rs), its one home.
internal_vi="$(sed -n 's/^ *ErrorKind::Internal => "\(.*\)",$/\1/p' core/src/error.rs)"
if [ -z "$internal_vi" ]; then
  echo "build-wasm: the Vietnamese sentence of ErrorKind::Internal was not found in core/src/error.rs" >&2
  exit 1
fi
guard_glue() {
  local glue="$1/motcua.js" target="$2" exports
  if [ "$target" = nodejs ]; then exports="let wasm = wasmInstance.exports;"; else exports="    wasm = instance.exports;"; fi
  if [ "$(grep -cxF "$exports" "$glue")" != 1 ]; then
    echo "build-wasm: $glue does not read the instance's exports as this script expects ($exports)" >&2
    exit 1
  fi
  sed -i "s/^\( *\)\(let \)\{0,1\}wasm = \(wasmInstance\|instance\)\.exports;$/\1\2wasm = motcuaGuard(\3.exports);/" "$glue"
  sed "s/__INTERNAL_VI__/$internal_vi/" bindings-wasm/js/guard.js >> "$glue"
}

# The test builds of the probe module: Node's for the Node tests, the
# browser's for the demo portal's test of its recovery.
for target in nodejs web; do
  out=bindings-wasm/pkg-probe$([ "$target" = web ] && echo -web || true)
  rm -rf "$out"
  wasm-bindgen --target "$target" --out-name motcua --out-dir "$out" "$probe_wasm"
  guard_glue "$out" "$target"
done

for kind in node web; do
  out="bindings-wasm/pkg-$kind"
  rm -rf "$out"
  glue_target=$([ "$kind" = node ] && echo nodejs || echo web)
  wasm-bindgen --target "$glue_target" --remove-name-section --remove-producers-section \
    --out-name motcua --out-dir "$out" "$wasm"
  guard_glue "$out" "$glue_target"
  package_json "$kind" > "$out/package.json"
  # The classes declare `[Symbol.dispose]`, whose type is in TypeScript's
  # esnext.disposable library: the declarations name that library
  # themselves, so a consumer compiling with `lib: ["ES2022"]` type-checks.
  sed -i '1i /// <reference lib="esnext.disposable" />' "$out/motcua.d.ts"
done

# binaryen's wasm-opt, pinned in bindings-wasm/build-tools (npm), at -Oz.
# Inlining a function into its only caller trades gzipped bytes for raw
# ones, and the module has a budget of both (300 KB, 120 KB gzipped): the
# limit of 100 instructions is the balance point. Measured on this module
# (wasm-bindgen's output, 362 KB): limit 0 gives 314,147 bytes and 116,246
# gzipped, 100 gives 301,957 and 118,864, no limit 300,041 and 126,882.
# --low-memory-unused: no address of Rust's wraps around to the first
# 1 KiB (the stack ends there, 1 MiB deep; data start above 1 MiB), so
# `base + constant` can fold into a load's offset (0.5 KB).
# The features are those rustc's wasm32 target enables (not GC: binaryen
# saves more with it, but engines without GC, Node 20 among them, would
# reject the module). The two builds' modules are the same file:
# optimised once, copied.
(cd bindings-wasm/build-tools && npm ci --no-audit --no-fund --loglevel=error)
bindings-wasm/build-tools/node_modules/.bin/wasm-opt -Oz \
  --one-caller-inline-max-function-size=100 --low-memory-unused \
  --enable-bulk-memory --enable-sign-ext --enable-mutable-globals \
  --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue \
  bindings-wasm/pkg-web/motcua_bg.wasm -o bindings-wasm/pkg-web/motcua_bg.wasm
cp bindings-wasm/pkg-web/motcua_bg.wasm bindings-wasm/pkg-node/motcua_bg.wasm

# The npm package: one package holding both builds, `exports` choosing the
# CommonJS one for Node (and Vitest) and the ES module for browsers and
# bundlers, with the package's README and licence files.
npm_pkg=bindings-wasm/pkg
rm -rf "$npm_pkg"
mkdir -p "$npm_pkg"
for kind in node web; do
  mkdir "$npm_pkg/$kind"
  cp -R bindings-wasm/pkg-$kind/motcua.js bindings-wasm/pkg-$kind/motcua.d.ts \
    bindings-wasm/pkg-$kind/motcua_bg.wasm bindings-wasm/pkg-$kind/motcua_bg.wasm.d.ts \
    bindings-wasm/pkg-$kind/snippets "$npm_pkg/$kind/"
done
# wasm-bindgen writes the inline JS snippets as ES modules, which the
# CommonJS build loads with require(): Node 20.19 and later do that for a
# file Node knows to be an ES module, hence the `type` of snippets/.
printf '{ "type": "module" }\n' > "$npm_pkg/node/snippets/package.json"
printf '{ "type": "module" }\n' > "$npm_pkg/web/package.json"
cp bindings-wasm/README.md LICENSE-MIT LICENSE-APACHE "$npm_pkg/"
npm_package_json > "$npm_pkg/package.json"

wasm_bytes=$(wc -c < bindings-wasm/pkg-web/motcua_bg.wasm)
gzip_bytes=$(gzip -9 -c bindings-wasm/pkg-web/motcua_bg.wasm | wc -c)
echo "build-wasm: bindings-wasm/pkg-node, bindings-wasm/pkg-web and the npm package bindings-wasm/pkg; motcua_bg.wasm $wasm_bytes bytes, $gzip_bytes gzipped"
