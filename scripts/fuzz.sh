#!/usr/bin/env bash
# Coverage-guided fuzzing of the motcua core: the libFuzzer targets of
# fuzz/ (cargo-fuzz layout, a crate outside the main workspace), one per
# public entry point that reads untrusted input, plus random event
# sequences on a dossier (see each fuzz/fuzz_targets/*.rs for what it
# checks).
#
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#   scripts/fuzz.sh               every target for 20 s: a smoke run (~5 min with the build)
#   scripts/fuzz.sh 600           the nightly budget, 10 minutes a target
#   scripts/fuzz.sh 60 applicant dossier_events
# FUZZ_FLAGS adds libFuzzer options to every run (e.g. FUZZ_FLAGS=-seed=1).
#
# cargo-fuzz is installed (pinned) into .tools/ unless it is on PATH; it
# needs nightly options (-Zsanitizer), opened on the stable toolchain with
# RUSTC_BOOTSTRAP=1. The targets are built once, optimised with debug
# assertions and overflow checks, under AddressSanitizer (LeakSanitizer
# included). Targets run one after the other (the machine has 2 cores),
# each from the checked-in seeds fuzz/corpus/TARGET/ (read only) and a
# working corpus target/fuzz/corpus/TARGET/ that grows from run to run;
# nothing is written into fuzz/corpus/. A crash, leak, timeout (10 s on one
# input) or out-of-memory (2 GB) leaves its reproducer in
# fuzz/artifacts/TARGET/, printed with the commands to replay and minimise
# it, and makes the script exit 1 once every target has run.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
cargo_fuzz_version=0.13.2

seconds="${1:-20}"
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]" >&2
  exit 2
fi
shift $(($# > 0 ? 1 : 0))
all=()
for f in fuzz/fuzz_targets/*.rs; do all+=("$(basename "$f" .rs)"); done
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")
for t in "${targets[@]}"; do
  if [ ! -f "fuzz/fuzz_targets/$t.rs" ]; then
    echo "fuzz: no target $t (targets: ${all[*]})" >&2
    exit 2
  fi
done

export PATH="$root/.tools/bin:$PATH"
if ! command -v cargo-fuzz >/dev/null; then
  echo "fuzz: installing cargo-fuzz $cargo_fuzz_version into .tools/ (about 2 minutes)" >&2
  cargo install --quiet --locked cargo-fuzz --version "$cargo_fuzz_version" --root "$root/.tools"
fi
export RUSTC_BOOTSTRAP=1

started=$(date +%s)
echo "fuzz: building ${#all[@]} targets with $(cargo fuzz --version) (release, debug assertions, AddressSanitizer)"
cargo fuzz build -O -a
built=$(date +%s)
echo "fuzz: build took $((built - started)) s"
bin_dir="fuzz/target/$(rustc -vV | sed -n 's/^host: //p')/release"

# Longest input: JSON documents up to 64 KiB; codes, periods and instants
# are short texts; an event scenario reads at most 64 steps of 6 bytes.
max_len() {
  case "$1" in
    dossier_code | period | instant_text) echo 256 ;;
    dossier_events) echo 1024 ;;
    *) echo 65536 ;;
  esac
}

# The last value of a libFuzzer status field (`cov: 123`) in a log, or -
# when the target stopped before its first status line.
field() {
  local value
  value="$(grep -Eo "$1: [0-9]+" "$2" | tail -n 1 | sed 's/.*: //' || true)"
  echo "${value:--}"
}

failed=()
for t in "${targets[@]}"; do
  work="target/fuzz/corpus/$t"
  artifacts="fuzz/artifacts/$t"
  log="target/fuzz/logs/$t.log"
  mkdir -p "$work" "$artifacts" "$(dirname "$log")"
  t0=$(date +%s)
  status=0
  # shellcheck disable=SC2086 # FUZZ_FLAGS is a list of options
  "$bin_dir/$t" -max_total_time="$seconds" -max_len="$(max_len "$t")" -rss_limit_mb=2048 \
    -timeout=10 -dict="fuzz/dict/$t.dict" -artifact_prefix="$artifacts/" -print_final_stats=1 \
    ${FUZZ_FLAGS:-} "$work" "fuzz/corpus/$t" > "$log" 2>&1 || status=$?
  took=$(($(date +%s) - t0))
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
  [ -n "$execs" ] || execs="$(grep -Eo '^#[0-9]+' "$log" | tail -n 1 | tr -d '#' || true)"
  summary="$(printf '%-15s %4d s %10s execs   cov: %-5s ft: %-6s corp: %s' \
    "$t" "$took" "${execs:-?}" "$(field cov "$log")" "$(field ft "$log")" "$(field corp "$log")")"
  if [ "$status" -eq 0 ]; then
    echo "fuzz: $summary   ok"
    continue
  fi
  failed+=("$t")
  reproducer="$(sed -n 's/.*Test unit written to //p' "$log" | tail -n 1)"
  what="$(grep -Em1 'panicked at|ERROR: (libFuzzer|LeakSanitizer|AddressSanitizer)|ALARM: working on the last Unit' "$log" || true)"
  echo "fuzz: $summary   FAILED (exit $status)"
  echo "  what:       ${what:-see the log}"
  grep -A2 -m1 'panicked at' "$log" | tail -n +2 | cut -c1-240 | sed 's/^/              /' || true
  echo "  reproducer: ${reproducer:-none written}"
  echo "  log:        $log"
  if [ -n "$reproducer" ]; then
    echo "  replay:     $bin_dir/$t $reproducer"
    echo "  minimise:   RUSTC_BOOTSTRAP=1 PATH=.tools/bin:\$PATH cargo fuzz tmin -O -a $t $reproducer"
  fi
done

echo "fuzz: ${#targets[@]} targets, ${seconds} s each; build $((built - started)) s, whole run $(($(date +%s) - started)) s"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]}" >&2
  exit 1
fi
