#!/usr/bin/env bash
# The crate as crates.io gets it, checked the way its users build it:
#   1. `cargo package -p motcua`, which builds the packaged crate on its own;
#   2. the doctests (the crate README's examples among them) inside the
#      unpacked package, outside this workspace, so nothing can reach a file
#      the package does not hold;
#   3. the MSRV: the `rust-version` of Cargo.toml, installed with rustup,
#      builds the library with every feature. rustup downloads toolchains
#      from outside the package registries, which a machine may not reach:
#      there the step says plainly that the MSRV was not checked, and the
#      rest of the test command goes on (as scripts/build-wasm.sh falls back
#      when rustup cannot fetch the wasm32 target).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)"
msrv="$(sed -n 's/^rust-version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)"

echo "crate-package: cargo package -p motcua ($version)"
cargo package -p motcua --allow-dirty --quiet

unpacked="$(mktemp -d)"
trap 'rm -rf "$unpacked"' EXIT
tar -xzf "target/package/motcua-$version.crate" -C "$unpacked"
echo "crate-package: doctests inside the unpacked package"
(cd "$unpacked/motcua-$version" &&
  CARGO_TARGET_DIR="$root/target/package-check" cargo test --quiet --doc --all-features)

echo "crate-package: the MSRV, Rust $msrv"
if ! rustup toolchain install "$msrv" --profile minimal --no-self-update >/dev/null 2>&1; then
  echo "crate-package: WARNING: rustup could not install Rust $msrv here; the MSRV was NOT checked" >&2
  exit 0
fi
cargo "+$msrv" build --quiet -p motcua --all-features --lib --target-dir target/msrv
echo "crate-package: motcua $version builds with Rust $msrv"
