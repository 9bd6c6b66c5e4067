#!/bin/sh
# cu-compare.sh <before.md> <after.md>: two reports of scripts/sbf-test.sh (its cu-report.md, or
# the table in an older BENCHMARKS.md) side by side: the median of each instruction before and
# after, the change, and the after-median as a multiple of an SPL Token `Transfer` measured in the
# after-run (the yardstick row the scenarios suite records).
#   git show <commit>:BENCHMARKS.md > /tmp/before.md
#   scripts/sbf/cu-compare.sh /tmp/before.md target/sbf/cu-report.md
awk -F'|' '
  function trim(s) { gsub(/^ +| +$/, "", s); return s }
  FNR == 1 { file++ }
  NF >= 7 && trim($4) ~ /^[0-9]+$/ {
    key = trim($2) "|" trim($3)
    median = trim($6)
    if (file == 1) { before[key] = median }
    else {
      after[key] = median; order[++n] = key
      if (trim($2) ~ /^spl-token/ && trim($3) == "Transfer") { transfer = median }
    }
  }
  END {
    print "| program | instruction | median before | median after | change | after ÷ transfer |"
    print "|---|---|---|---|---|---|"
    for (i = 1; i <= n; i++) {
      key = order[i]; split(key, k, "|")
      if (k[1] ~ /^spl-token/) { continue }
      b = (key in before) ? before[key] : "–"
      change = (key in before) ? sprintf("%+.0f %%", (after[key] - before[key]) * 100 / before[key]) : "new"
      ratio = transfer ? sprintf("%.0f×", after[key] / transfer) : "–"
      printf "| %s | %s | %s | %s | %s | %s |\n", k[1], k[2], b, after[key], change, ratio
    }
    if (transfer) { printf "\nSPL Token Transfer (p-token) in the after-run: %s compute units.\n", transfer }
  }' "$1" "$2"
