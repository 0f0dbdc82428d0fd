#!/usr/bin/env bash
# Every test: first what needs only Rust (`cargo test`), then the tests ignored there because they
# need an outside program (LibreOffice, Wine with the Windows build, root, …; marked
# #[ignore = "needs …"]), after installing and building what they need. A missing program fails its
# test; nothing is skipped silently. The last line totals every test that ran.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup-debian.sh
# The Windows executables and installer that tests/windows_wine.rs runs under Wine.
scripts/build-windows.sh

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0

# --no-fail-fast here and below: a failing test binary must not hide whether the others pass.
cargo test --locked --no-fail-fast 2>&1 | tee -a "$log" || status=1

# Every test binary with a test that needs an outside program, found from the marks themselves so
# that a new one cannot be forgotten here.
needs=()
for file in $(grep -l '#\[ignore = "needs' tests/*.rs); do
  needs+=(--test "$(basename "$file" .rs)")
done
if [ ${#needs[@]} -gt 0 ]; then
  # One at a time: these start real windows, Wine and LibreOffice, and two windows drawing at once
  # on 2 cores delayed frames enough to lose a typed key in 1 run of 5 (a user's PC runs one).
  cargo test --locked --no-fail-fast "${needs[@]}" -- --ignored --test-threads=1 2>&1 | tee -a "$log" || status=1
fi

awk '/^test result:/ { passed += $4; failed += $6; ignored += $8 }
     END { printf "%d passed, %d failed\n", passed, failed }' "$log"
exit "$status"
