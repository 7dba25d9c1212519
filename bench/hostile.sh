#!/usr/bin/env bash
# Times `guong check` (three output formats) and `guong build` on one hostile file of each
# shape of tests/hostile/shapes.rs (each just under the 1 MiB limit): all must stay within
# a few seconds (issue 8). The test suite checks the findings; only this script times them.
#
#   bench/hostile.sh            every shape
#   bench/hostile.sh SHAPE…     the shapes named
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --example hostile_site
cargo build --release --quiet
guong=$PWD/target/release/guong
writer=$PWD/target/release/examples/hostile_site
out=bench/out/hostile
mkdir -p "$out"
shapes=("$@")
[ ${#shapes[@]} -gt 0 ] || mapfile -t shapes < <("$writer" "$out")

seconds() { # command… → wall-clock seconds, whatever its exit code
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  awk "BEGIN { print $end - $start }"
}

printf '%-18s %8s %8s %8s %8s\n' shape human json github build
for shape in "${shapes[@]}"; do
  site=$out/$shape
  rm -rf "$site"
  cp -r tests/sites/minimal "$site"
  "$writer" "$site" "$shape"
  printf '%-18s %8.2f %8.2f %8.2f %8.2f\n' "$shape" \
    "$(seconds "$guong" --root "$site" check)" \
    "$(seconds "$guong" --root "$site" check --format json)" \
    "$(seconds "$guong" --root "$site" check --format github)" \
    "$(seconds "$guong" --root "$site" build --output "$PWD/$site/public")"
done
