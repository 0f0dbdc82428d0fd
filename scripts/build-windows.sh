#!/usr/bin/env bash
# Builds riskbook for Windows on Debian and packages it:
#   target/x86_64-pc-windows-gnu/release/riskbook.exe      (and riskbook-console.exe, its launcher)
#   dist/riskbook-<version>-windows-x64.zip                 (riskbook.exe, riskbook.com, readme, licences, sample)
#   dist/riskbook-<version>-setup.exe                       (per-user NSIS installer)
# Installs what it needs first (safe to run again). rustup cannot fetch a Windows standard library
# here, so Debian's own Rust (rustc-web, with the library's source in rust-web-src) builds std for
# the target itself (-Zbuild-std), and mingw-w64 links.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  rustc-web cargo-web rust-web-src  # Debian's Rust 1.96 with the standard library's source
  mingw-w64   # the Windows linker, windres for the icon and version information, strip
  nsis        # the installer
  zip
  python3     # writes the third-party licence file
)
scripts/install-packages.sh "${packages[@]}"

target=x86_64-pc-windows-gnu
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
# Debian's toolchain, not rustup's: only it has the library source that -Zbuild-std compiles.
export PATH="/usr/bin:$PATH"
export RUSTC=/usr/bin/rustc
export RUSTC_BOOTSTRAP=1
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc

start=$(date +%s)
/usr/bin/cargo build --release --locked --target "$target" -Zbuild-std=std,panic_abort --bins
echo "Windows build: $(( $(date +%s) - start )) s"

built="target/$target/release"
stage="dist/stage/riskbook-$version-windows-x64"
rm -rf dist/stage
mkdir -p "$stage/licenses"
x86_64-w64-mingw32-strip -o "$stage/riskbook.exe" "$built/riskbook.exe"
# The console launcher: cmd and PowerShell run riskbook.com before riskbook.exe for `riskbook …`.
x86_64-w64-mingw32-strip -o "$stage/riskbook.com" "$built/riskbook-console.exe"
# Notepad reads UTF-8 with a byte-order mark everywhere; CRLF line ends for Windows.
printf '\xef\xbb\xbf' > "$stage/はじめにお読みください.txt"
sed "s/VERSION/$version/; s/\$/\r/" "scripts/windows/はじめにお読みください.txt" >> "$stage/はじめにお読みください.txt"
cp "sample-data/見本-リスク分析シート.xlsx" "$stage/"
cp assets/fonts/IPAexGothic-copyright.txt "$stage/licenses/IPAexゴシック-IPAフォントライセンス.txt"
cp assets/fonts/NotoSansCJKjp-Supplement-license.txt "$stage/licenses/NotoSansCJKjp-Supplement-OFL.txt"
cp assets/fonts/NotoEmoji-OFL.txt "$stage/licenses/NotoEmoji-OFL.txt"
python3 scripts/windows/third-party-licenses.py "$stage/licenses/ライブラリのライセンス.txt"

zip_file="dist/riskbook-$version-windows-x64.zip"
rm -f "$zip_file"
(cd dist/stage && zip -q -r -X "../riskbook-$version-windows-x64.zip" "riskbook-$version-windows-x64")

setup="dist/riskbook-$version-setup.exe"
# makensis reads paths relative to the script: give it absolute ones.
makensis -V2 -INPUTCHARSET UTF8 \
  -DVERSION="$version" -DSTAGE="$PWD/$stage" -DICON="$PWD/assets/icon/riskbook.ico" -DOUTFILE="$PWD/$setup" \
  scripts/windows/installer.nsi

for f in "$built/riskbook.exe" "$stage/riskbook.exe" "$stage/riskbook.com" "$zip_file" "$setup"; do
  printf '%10d bytes  %s\n' "$(stat -c %s "$f")" "$f"
done
