#!/usr/bin/env bash
# The program tests on real SBF bytecode: builds every program into an ELF
# (scripts/sbf-build.sh), runs each program's LiteSVM test suite and the cross-program scenarios
# against the ELFs instead of the native build (IO_SBF_DIR), and prints the compute units of
# every instruction the tests executed and the ELF sizes. Needs root (the build's chroot).
#   scripts/sbf-test.sh                    # build, test, report
#   SBF_SKIP_BUILD=1 scripts/sbf-test.sh   # reuse the ELFs already built
# The report is also written to <target>/sbf/cu-report.md, in the form of BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

SBF_DIR=$(mkdir -p "${CARGO_TARGET_DIR:-target}/sbf" && cd "${CARGO_TARGET_DIR:-target}/sbf" && pwd)
PROGRAMS=(iosd market inference rewards governance spender_probe)
# The test suites that deploy the programs: one per program and the scenarios.
SUITES=(-p iosd -p market -p inference -p rewards -p governance -p io-scenarios)

if [ -z "${SBF_SKIP_BUILD:-}" ]; then
  scripts/sbf-build.sh
fi
for p in "${PROGRAMS[@]}"; do
  [ -f "$SBF_DIR/deploy/$p.so" ] || { echo "sbf-test.sh: $SBF_DIR/deploy/$p.so is missing" >&2; exit 1; }
done

log="$SBF_DIR/cu.tsv"
rm -f "$log"
# The property tests draw their cases from a fixed seed here, so two reports run the same mix
# of cases and their medians compare (set PROPTEST_RNG_SEED to draw others).
PROPTEST_RNG_SEED="${PROPTEST_RNG_SEED:-1}" IO_SBF_DIR="$SBF_DIR/deploy" IO_CU_LOG="$log" \
  scripts/test.sh "${SUITES[@]}"

# Program ids to names, from each program's declare_id!.
names=$(grep -ho 'declare_id!("[^"]*")' programs/*/src/lib.rs tests/spender-probe/src/lib.rs |
  sed 's/declare_id!("\(.*\)")/\1/' |
  paste - <(for f in programs/*/src/lib.rs tests/spender-probe/src/lib.rs; do
    grep -q 'declare_id!' "$f" && basename "$(dirname "$(dirname "$f")")"; done))
report="$SBF_DIR/cu-report.md"
{
  echo "| program | instruction | runs | min CU | median CU | max CU |"
  echo "|---|---|---|---|---|---|"
  scripts/sbf/cu-table.sh "$log" |
    awk -F'\t' -v names="$names" '
      BEGIN { n = split(names, lines, "\n"); for (i = 1; i <= n; i++) { split(lines[i], kv, "\t"); name[kv[1]] = kv[2] }
              name["TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA"] = "spl-token (p-token)" }
      ($1 in name) && $2 != "" { printf "| %s | %s | %d | %d | %d | %d |\n", name[$1], $2, $3, $4, $5, $6 }' |
    sort
  echo
  echo "| ELF | bytes |"
  echo "|---|---|"
  for p in "${PROGRAMS[@]}"; do
    printf '| %s.so | %d |\n' "$p" "$(stat -c %s "$SBF_DIR/deploy/$p.so")"
  done
} > "$report"
echo
cat "$report"
echo
echo "sbf-test.sh: every program suite passed on the ELFs; report in $report"
