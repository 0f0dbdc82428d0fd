#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks for building riskbook and running all of its tests.
# The Rust toolchain (cargo, rustc >= 1.95) is expected to be there already (rustup).
# Safe to run again: packages already present are skipped.
set -euo pipefail

packages=(
  pkg-config   # build scripts of the GUI crates look for it
  xvfb         # a virtual display: the window tests (tests/window_xvfb.rs, tests/windows_wine.rs)
  fonts-ipaexfont-gothic  # the same font as assets/fonts, for looking at output outside the app
  poppler-utils  # pdftoppm: to look at the PDF report as pictures (the tests read it in process)
  libreoffice-calc  # the export test lets LibreOffice recalculate the exported formulas
  libreoffice-writer  # tests/docx.rs opens the written policy document (Word) in Writer
  wine wine64  # runs the Windows build in tests/windows_wine.rs
  xdotool imagemagick  # find, drive and photograph the window under Xvfb
)

"$(dirname "$0")/install-packages.sh" "${packages[@]}"
command -v cargo >/dev/null || { echo "cargo が見つかりません。rustup で Rust を入れてください。" >&2; exit 1; }
