#!/bin/sh
# frames.sh <file.s> [n]: the n (default 10) largest stack frames, in bytes, of a program's BPF
# assembly (SBF_ASM_DIR=... scripts/sbf-build.sh). A frame is the deepest `r10 - offset` a
# function touches. SBPF v0 frames are 4096 bytes, and the build refuses more than 4032.
awk '/^[_A-Za-z][_A-Za-z0-9.$]*:/ { fn = $1 }
     /r10 - [0-9]+/ { match($0, /r10 - [0-9]+/); v = substr($0, RSTART + 6, RLENGTH - 6) + 0
                      if (v > m[fn]) m[fn] = v }
     END { for (f in m) print m[f], f }' "$1" | sort -rn | head -"${2:-10}"
