#!/bin/sh
# cu-table.sh <file>: compute units per (program id, instruction) from the file the test harness
# appends to when IO_CU_LOG=<file> is set (one line per top-level instruction: program id,
# Anchor instruction name, CU, ok|err). Prints count, min, median and max of the successful ones.
#   IO_CU_LOG=/tmp/cu.tsv IO_SBF_DIR=target/sbf/deploy cargo nextest run -p iosd
#   scripts/sbf/cu-table.sh /tmp/cu.tsv
tab=$(printf '\t')
sort -t"$tab" -k1,1 -k2,2 -k3,3n "$1" |
  awk -F'\t' '$4 == "ok" { k = $1 "\t" $2; v[k] = v[k] " " $3; n[k]++ }
    END { for (k in v) { split(substr(v[k], 2), a, " ")
                         printf "%s\t%d\t%d\t%d\t%d\n", k, n[k], a[1], a[int((n[k] + 1) / 2)], a[n[k]] } }' |
  sort
