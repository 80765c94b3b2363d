#!/usr/bin/env bash
# `make dist`: dist/offsync-<version>-linux-<arch>.tar.gz, a binary that runs where no Swift
# toolchain is: the Swift runtime and Foundation linked in (--static-swift-stdlib), and libcsv,
# zlib and SQLite from their static archives (pkg-config files of our own put the folder holding
# them first in the linker's search). Beside the binary: the README, the docs, the samples and
# SHA256SUMS. `ldd` may list only the C library's own parts, or the build fails.
set -euo pipefail
cd "$(dirname "$0")/.."
swift=${SWIFT:-swift}
version=$(sed -n 's/.*static let version = "\(.*\)".*/\1/p' Sources/offsync/Offsync.swift)
arch=$(uname -m)
commit=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
if [ "$commit" != unknown ] && ! git diff --quiet HEAD -- Sources Package.swift 2>/dev/null; then commit="$commit+changes"; fi
name=offsync-$version-linux-$arch
work=.build-dist

mkdir -p "$work/static" "$work/pkgconfig"
for lib in csv z sqlite3; do
  archive=$("${CC:-$(command -v cc || command -v clang)}" -print-file-name="lib$lib.a")
  [ -f "$archive" ] || { echo "dist: lib$lib.a not found (its Debian -dev package holds it; make deps installs them)" >&2; exit 1; }
  ln -sf "$archive" "$work/static/lib$lib.a"
done
for pc in zlib:z sqlite3:sqlite3; do
  printf 'Name: %s\nDescription: static, for make dist\nVersion: 0\nLibs: -L%s -l%s\nCflags:\n' \
    "${pc%%:*}" "$PWD/$work/static" "${pc##*:}" > "$work/pkgconfig/${pc%%:*}.pc"
done
PKG_CONFIG_PATH="$PWD/$work/pkgconfig" "$swift" build -c release --product offsync --static-swift-stdlib \
  --build-path "$work" -Xcc "-DOFFSYNC_COMMIT=\"$commit\""
binary=$("$swift" build -c release --build-path "$work" --show-bin-path)/offsync

allowed='linux-vdso|ld-linux|/libc\.so|/libm\.so|/libgcc_s\.so|/libstdc\+\+\.so|/libpthread\.so|/libdl\.so|/librt\.so|/libutil\.so'
if ldd "$binary" | grep -vE "$allowed" | grep -q .; then
  echo "dist: the binary still links these dynamically:" >&2
  ldd "$binary" | grep -vE "$allowed" >&2
  exit 1
fi

rm -rf "dist/$name" "dist/$name.tar.gz"
mkdir -p "dist/$name"
cp "$binary" "dist/$name/offsync"
strip "dist/$name/offsync" 2>/dev/null || true
cp README.md "dist/$name/"
cp -r docs "dist/$name/docs"
cp -r samples "dist/$name/samples"
rm -rf "dist/$name/samples/.offsync"
(cd "dist/$name" && find . -type f ! -name SHA256SUMS | sort | xargs sha256sum > SHA256SUMS)
tar -C dist -czf "dist/$name.tar.gz" "$name"
(cd dist && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
echo "dist/$name.tar.gz ($(du -h "dist/$name.tar.gz" | cut -f1), offsync $version, commit $commit)"
