#!/usr/bin/env bash
# `make dist-check`: unpacks the archive `make dist` wrote and runs its samples as a machine
# without Swift would: an empty environment, and (where a mount namespace is allowed) the
# toolchain's folder hidden under an empty tmpfs. Fails unless the run writes its report.
set -euo pipefail
cd "$(dirname "$0")/.."
archive=$(ls -t dist/offsync-*.tar.gz | head -1)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tar -xzf "$archive" -C "$tmp"
dir=$(find "$tmp" -mindepth 1 -maxdepth 1 -type d)
(cd "$dir" && sha256sum --quiet -c SHA256SUMS)

toolchain=""
if command -v swift >/dev/null 2>&1; then toolchain=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")"); fi
# $1 the unpacked folder, $2 the toolchain folder (hidden when given): what a user's shell runs.
run='set -e
if [ -n "$2" ]; then mount -t tmpfs none "$2"; [ -z "$(ls -A "$2")" ]; echo "dist-check: $2 hidden"; fi
"$1/offsync" --version
"$1/offsync" run "$1/samples" --out "$1/out" --quiet
test -s "$1/out/report.json" && test -s "$1/out/manifest.json"
ls "$1/out/import" >/dev/null'
if [ -n "$toolchain" ] && unshare --mount true 2>/dev/null; then
  env -i PATH=/usr/bin:/bin unshare --mount sh -c "$run" sh "$dir" "$toolchain"
else
  echo "dist-check: no mount namespace here; the toolchain stays visible (empty environment only)"
  env -i PATH=/usr/bin:/bin sh -c "$run" sh "$dir" ""
fi
echo "dist-check: $(basename "$archive") runs its samples without the toolchain"
