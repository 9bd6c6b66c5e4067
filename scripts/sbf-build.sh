#!/usr/bin/env bash
# Builds every on-chain program of this repository into a Solana SBF ELF (SBPF v0) that LiteSVM
# 0.12 loads, on a Debian machine that can reach only the package registries:
#
#   sudo scripts/sbf-build.sh                 # all programs -> target/sbf/deploy/<name>.so
#   sudo scripts/sbf-build.sh iosd market     # some of them
#   IO_SBF_DIR=target/sbf/deploy cargo nextest run -p iosd     # the program tests on the ELFs
#   sudo scripts/sbf-test.sh                  # build all, run every program test, CU table
#
# Solana's own toolchain (platform-tools, cargo build-sbf) downloads from GitHub and cannot be
# had here. This script takes the upstream route instead:
#   - LLVM 23's BPF backend (the first LLVM that supports calls with more than five arguments,
#     aggregate returns and libcalls), from Debian sid (`llvm-23-dev`), which bookworm lacks.
#     Everything sid is kept in a debootstrap chroot (~2.7 GB under $SBF_HOME), so the host
#     and its rustup toolchain stay untouched.
#   - rustc/cargo 1.97 and `rust-src` from sid, std rebuilt for a custom target with
#     target_os = "solana" (scripts/sbf/sbpf-solana-v0.json, std patched by
#     scripts/sbf/patch-std-solana.py).
#   - sbpf-linker 0.2.6 from crates.io, built against sid's LLVM 23 and patched for stack
#     arguments in SBPF v0 (scripts/sbf/sbpf-linker-0.2.6-v0-stack-args.patch).
#   - 128-bit builtins with LLVM 23's libcall convention: programs/sbf-i128-abi, linked into
#     every program through io-common.
# Why each piece exists is written next to it. Needs root (debootstrap, chroot, mounts).
#
# Environment:
#   SBF_HOME    toolchain cache (chroot, cargo home), default /var/cache/io-sbf; reused when present
#   SBF_OUT     where <name>.so go, default <target>/sbf/deploy
#   CARGO_TARGET_DIR  as for cargo: the SBF build lives in <it>/sbf (default target/sbf)
#   SBF_JOBS    cargo -j, default 2
#   SBF_ASM_DIR also write each program's BPF assembly there (libcalls, frame sizes:
#               scripts/sbf/frames.sh)
#   SBF_DEBIAN_MIRROR  default http://deb.debian.org/debian
#   IO_DEPLOYER passed through to the build (see programs/common); leave unset for tests.
#   SBF_OPT_LEVEL  the release profile's opt-level for this build (3 when unset; s or z trade
#               compute units for size: measure both, BENCHMARKS.md)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SBF_HOME=${SBF_HOME:-/var/cache/io-sbf}
CHROOT=$SBF_HOME/sid-root
# The SBF build sits next to the host build, so a CI that keeps CARGO_TARGET_DIR outside its
# clone stays warm here too.
TARGET_DIR=$(mkdir -p "${CARGO_TARGET_DIR:-target}/sbf" && cd "${CARGO_TARGET_DIR:-target}/sbf" && pwd)
SBF_OUT=$(mkdir -p "${SBF_OUT:-$TARGET_DIR/deploy}" && cd "${SBF_OUT:-$TARGET_DIR/deploy}" && pwd)
SBF_JOBS=${SBF_JOBS:-2}
MIRROR=${SBF_DEBIAN_MIRROR:-http://deb.debian.org/debian}
# One cargo invocation per program: building iosd together with a program that depends on
# iosd's `cpi` feature would unify that feature into iosd's own cdylib and drop its entrypoint.
ALL_PROGRAMS=(iosd market inference rewards governance spender-probe)
if [ $# -gt 0 ]; then PROGRAMS=("$@"); else PROGRAMS=("${ALL_PROGRAMS[@]}"); fi
SBPF_LINKER_VERSION=0.2.6
# What the std patches and the linker patch were written against; other versions may still
# work, the patch steps fail loudly when they do not.
EXPECT_RUSTC=1.97
EXPECT_LLVM=23

[ "$(id -u)" = 0 ] || { echo "sbf-build.sh: needs root (debootstrap, chroot, mount)" >&2; exit 1; }

declare -a TIMES=()
step() { STEP_NAME=$1; STEP_START=$(date +%s); echo "== $1"; }
done_step() { TIMES+=("$(printf '%-44s %5ds' "$STEP_NAME" $(( $(date +%s) - STEP_START )))"); }

# Runs a command inside the chroot with a clean environment.
in_chroot() {
  chroot "$CHROOT" /usr/bin/env -i HOME=/root TERM=dumb \
    PATH=/usr/local/bin:/usr/lib/llvm-23/bin:/usr/bin:/bin \
    CARGO_HTTP_CAINFO=/etc/ssl/certs/host-ca-certificates.crt \
    ${IO_DEPLOYER:+IO_DEPLOYER=$IO_DEPLOYER} ${SBF_ASM_DIR:+SBF_ASM_DIR=$SBF_ASM_DIR} \
    ${SBF_OPT_LEVEL:+CARGO_PROFILE_RELEASE_OPT_LEVEL=$SBF_OPT_LEVEL} \
    "$@"
}

# --- 1. The Debian sid chroot with LLVM 23, rustc/cargo 1.97, rust-src ----------------------
if [ ! -x "$CHROOT/usr/bin/apt-get" ]; then
  step "debootstrap sid (one-off)"
  command -v debootstrap >/dev/null || { apt-get update -qq; apt-get install -y -qq debootstrap; }
  mkdir -p "$SBF_HOME"
  debootstrap --variant=minbase --include=ca-certificates sid "$CHROOT" "$MIRROR"
  done_step
fi
cp /etc/resolv.conf "$CHROOT/etc/resolv.conf"
# The host's CA bundle (with a TLS-inspecting proxy's CA, when there is one) for cargo in the chroot.
cp /etc/ssl/certs/ca-certificates.crt "$CHROOT/etc/ssl/certs/host-ca-certificates.crt"

# Mounts for the duration of the run: /proc and /dev for cargo, and the repository at the same
# path inside the chroot (so paths in the target JSON and in cargo's output match). Undone on exit.
MOUNTS=()
cleanup() {
  for ((i=${#MOUNTS[@]}-1; i>=0; i--)); do umount "${MOUNTS[$i]}" 2>/dev/null || true; done
}
trap cleanup EXIT
mount_once() { # <source|-t type> <target>
  local target=${*: -1}
  mkdir -p "$target"
  mountpoint -q "$target" && return 0
  if [ "$1" = proc ]; then mount -t proc proc "$target"; else mount --bind "$1" "$target"; fi
  MOUNTS+=("$target")
}
mount_once proc "$CHROOT/proc"
mount_once /dev "$CHROOT/dev"
mount_once "$ROOT" "$CHROOT$ROOT"
# The SBF target folder, at the same path, when it is outside the repository.
[ "$TARGET_DIR" = "${TARGET_DIR#"$ROOT"/}" ] && mount_once "$TARGET_DIR" "$CHROOT$TARGET_DIR"
# (the ELFs are copied to $SBF_OUT from the host side; SBF_ASM_DIR is written by the linker
# wrapper inside the chroot, so a folder outside the repository is mounted too)
if [ -n "${SBF_ASM_DIR:-}" ]; then
  mkdir -p "$SBF_ASM_DIR"; SBF_ASM_DIR=$(cd "$SBF_ASM_DIR" && pwd)
  [ "$SBF_ASM_DIR" = "${SBF_ASM_DIR#"$ROOT"/}" ] && mount_once "$SBF_ASM_DIR" "$CHROOT$SBF_ASM_DIR"
fi

if [ ! -x "$CHROOT/usr/lib/llvm-23/bin/llvm-config" ] || [ ! -x "$CHROOT/usr/bin/cargo" ] ||
   [ ! -x "$CHROOT/usr/bin/python3" ]; then
  step "apt: LLVM 23, rustc/cargo, rust-src in the chroot (one-off)"
  # sid's Release files can look expired to a machine whose clock runs ahead.
  in_chroot apt-get -o Acquire::Check-Valid-Until=false update -qq
  in_chroot env DEBIAN_FRONTEND=noninteractive apt-get -o Acquire::Check-Valid-Until=false \
    install -y -qq --no-install-recommends \
    llvm-23-dev libllvm23 rustc cargo rust-src \
    gcc libc6-dev zlib1g-dev libzstd-dev libxml2-dev libffi-dev libedit-dev libpolly-23-dev \
    python3-minimal patch
  done_step
fi

RUSTC_V=$(in_chroot rustc --version)
LLVM_V=$(in_chroot llvm-config --version)
echo "chroot: $RUSTC_V, LLVM $LLVM_V"
case "$RUSTC_V" in "rustc $EXPECT_RUSTC"*) ;; *) echo "warning: patches were written for rustc $EXPECT_RUSTC" >&2;; esac
case "$LLVM_V" in "$EXPECT_LLVM".*) ;; *) echo "sbf-build.sh: LLVM $EXPECT_LLVM needed, got $LLVM_V" >&2; exit 1;; esac

# --- 2. std for target_os = "solana" ------------------------------------------------------------
# -Zbuild-std compiles std from the sysroot's rust-src; the chroot is ours, so it is patched in
# place (idempotent). See the script for the six small changes.
step "patch rust-src std for target_os=solana"
cp scripts/sbf/patch-std-solana.py "$CHROOT/tmp/"
in_chroot python3 /tmp/patch-std-solana.py /usr/lib/rustlib/src/rust/library
done_step

# --- 3. sbpf-linker, built against the chroot's LLVM 23 and patched --------------------------
STAMP="$SBPF_LINKER_VERSION+$(sha256sum scripts/sbf/sbpf-linker-0.2.6-v0-stack-args.patch | cut -c1-16)"
if [ "$(cat "$CHROOT/usr/local/share/sbpf-linker.stamp" 2>/dev/null)" != "$STAMP" ]; then
  step "build sbpf-linker $SBPF_LINKER_VERSION vs LLVM 23 (one-off)"
  rm -rf "$CHROOT/tmp/sbpf-fetch" "$CHROOT/tmp/sbpf-linker"
  mkdir -p "$CHROOT/tmp/sbpf-fetch/src"
  : > "$CHROOT/tmp/sbpf-fetch/src/lib.rs"
  cat > "$CHROOT/tmp/sbpf-fetch/Cargo.toml" <<EOF
[package]
name = "sbpf-fetch"
version = "0.0.0"
edition = "2021"
[dependencies]
sbpf-linker = { version = "=$SBPF_LINKER_VERSION", default-features = false }
EOF
  # Fetch the published source through cargo (crates.io is reachable, GitHub is not).
  in_chroot sh -c 'cd /tmp/sbpf-fetch && cargo fetch -q'
  in_chroot sh -c "cp -r /root/.cargo/registry/src/*/sbpf-linker-$SBPF_LINKER_VERSION /tmp/sbpf-linker"
  cp scripts/sbf/sbpf-linker-0.2.6-v0-stack-args.patch "$CHROOT/tmp/"
  # - rust-toolchain.toml pins a nightly we do not have; Debian's cargo ignores rustup files
  #   anyway, removing it keeps the intent clear.
  # - The default feature `rust-llvm` loads LLVM from a rustc nightly sysroot at run time;
  #   `bpf-linker/llvm-23` alone links the system libLLVM-23 instead (llvm-sys finds it through
  #   LLVM_SYS_231_PREFIX).
  in_chroot sh -c 'cd /tmp/sbpf-linker && rm -f rust-toolchain.toml &&
    sed -i "s/^default = \[\"rust-llvm\"\]/default = [\"system-llvm-23\"]\nsystem-llvm-23 = [\"bpf-linker\/llvm-23\"]/" Cargo.toml &&
    grep -q "^system-llvm-23" Cargo.toml &&
    patch -p1 < /tmp/sbpf-linker-0.2.6-v0-stack-args.patch'
  in_chroot sh -c "cd /tmp/sbpf-linker && LLVM_PREFIX=/usr/lib/llvm-23 LLVM_SYS_231_PREFIX=/usr/lib/llvm-23 \
    cargo build --release --locked -j$SBF_JOBS --bin sbpf-linker && install -m755 target/release/sbpf-linker /usr/local/bin/"
  mkdir -p "$CHROOT/usr/local/share"
  echo "$STAMP" > "$CHROOT/usr/local/share/sbpf-linker.stamp"
  rm -rf "$CHROOT/tmp/sbpf-linker/target"
  done_step
fi
install -m755 scripts/sbf/sbpf-link "$CHROOT/usr/local/bin/sbpf-link"
echo "$(in_chroot sbpf-linker --version | tr '\n' ' ')"

# --- 4. The programs -------------------------------------------------------------------------
# Flags (see scripts/sbf/sbpf-solana-v0.md for the target itself):
#   -Zbuild-std=std,panic_abort          std from the patched rust-src, for this target
#   -Zbuild-std-features=compiler-builtins-mem   memcpy/memset/... for the linker
#   -Zjson-target-spec                   cargo 1.97 wants it for .json targets
#   -Cpanic=immediate-abort              std's panic runtime does not lower on BPF
#   RUSTC_BOOTSTRAP=1                    -Z flags on Debian's stable rustc
#   RUSTC_BOOTSTRAP_SYNTHETIC_TARGET=1   std's build script: no `restricted_std` for this target
# The release profile of Cargo.toml applies (fat LTO, codegen-units 1, overflow checks); LTO
# happens in sbpf-linker. Every program crate is built with the `no-entrypoint` feature off.
mkdir -p "$TARGET_DIR/logs"
declare -a SIZES=() FAILED=()
for p in "${PROGRAMS[@]}"; do
  lib=${p//-/_}
  step "build $p"
  rm -f "$TARGET_DIR/sbpf-solana-v0/release/lib$lib.so" "$SBF_OUT/$lib.so"
  if in_chroot sh -c "cd '$ROOT' && RUSTC_BOOTSTRAP=1 RUSTC_BOOTSTRAP_SYNTHETIC_TARGET=1 \
      RUSTFLAGS='-Zunstable-options -Cpanic=immediate-abort' CARGO_TARGET_DIR='$TARGET_DIR' \
      cargo build --release --locked -j$SBF_JOBS -p $p \
        --target '$ROOT/scripts/sbf/sbpf-solana-v0.json' \
        -Zbuild-std=std,panic_abort -Zbuild-std-features=compiler-builtins-mem -Zjson-target-spec" \
      > "$TARGET_DIR/logs/$p.log" 2>&1; then
    cp "$TARGET_DIR/sbpf-solana-v0/release/lib$lib.so" "$SBF_OUT/$lib.so"
    SIZES+=("$(printf '%-16s %9d bytes' "$lib.so" "$(stat -c %s "$SBF_OUT/$lib.so")")")
  else
    FAILED+=("$p")
    # The usual cause: a function whose stack frame exceeds the 4032 bytes an SBPF v0 frame
    # leaves (4096 minus the stack-argument area). List them once each.
    if grep -q "BPF stack limit is exceeded" "$TARGET_DIR/logs/$p.log"; then
      echo "$p: functions over the SBPF v0 stack frame limit (box their large accounts):"
      grep -o "in function [^ ]*" "$TARGET_DIR/logs/$p.log" | sort -u | sed 's/^in function /  /'
    else
      tail -30 "$TARGET_DIR/logs/$p.log"
    fi
    echo "$p: FAILED, full log in $TARGET_DIR/logs/$p.log"
  fi
  done_step
done

echo
echo "ELFs in $SBF_OUT:"; printf '  %s\n' "${SIZES[@]}"
echo "Times:"; printf '  %s\n' "${TIMES[@]}"
echo "Run the tests on them: IO_SBF_DIR=$SBF_OUT cargo nextest run -p iosd"
if [ ${#FAILED[@]} -gt 0 ]; then echo "FAILED: ${FAILED[*]}"; exit 1; fi
