# Sourced by the scripts: the build environment every cargo command here runs with.
# Debian's OpenSSL instead of building a vendored one (5-10 CPU-minutes for nothing).
export OPENSSL_NO_VENDOR=1
# Incremental artefacts only cost disk and time on the cold, one-shot builds of CI.
if [ "${CI:-}" = "true" ]; then export CARGO_INCREMENTAL=0; fi
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
