#!/usr/bin/env bash
# Benchmark: `guong build` and `guong check` of N generated models beside Hugo on the same
# pages (SPEC §7). Prints wall time and peak memory of each, and the ratio.
#
#   bench/build.sh [MODELS]      (default 10000)
#
# Needs python3; installs Hugo (Debian's package) and hyperfine when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
models=${1:-10000}
out=bench/out
gen=bench/gen_corpus.py

for tool in hugo hyperfine time; do
  if ! command -v "$tool" >/dev/null 2>&1 && [ ! -x "/usr/bin/$tool" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null
  fi
done

cargo build --release --quiet
mkdir -p "$out"
python3 "$gen" --models "$models" --out "$out/site-guong" --flavor guong
python3 "$gen" --models "$models" --out "$out/site-hugo" --flavor hugo

guong=$PWD/target/release/guong
# The corpus must be a valid site: a benchmark of a site with errors would measure a build
# that stops after the check.
if ! summary=$("$guong" --root "$out/site-guong" check | tail -n 1); then
  echo "the generated site does not pass guong check: $summary" >&2
  exit 1
fi
echo "check of the generated site: $summary"
peak() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1; }

hyperfine --warmup 1 --runs 5 --export-json "$out/build.json" \
  -n guong-build "$guong --root $out/site-guong build --output $PWD/$out/public-guong" \
  -n hugo "hugo --quiet --source $out/site-hugo --destination $PWD/$out/public-hugo" \
  -n guong-check "$guong --root $out/site-guong check --format json" >/dev/null

# From scratch: no previous output (nor guong's cached previous site) for either tool.
hyperfine --runs 3 --export-json "$out/scratch.json" \
  --prepare "rm -rf $out/public-guong $out/.public-guong.guong-prev $out/public-hugo" \
  -n guong-build "$guong --root $out/site-guong build --output $PWD/$out/public-guong" \
  -n hugo "hugo --quiet --source $out/site-hugo --destination $PWD/$out/public-hugo" >/dev/null

python3 - "$out/build.json" "$out/scratch.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
s = {x["command"]: x for x in json.load(open(sys.argv[2]))["results"]}
g, h, c = r["guong-build"]["median"], r["hugo"]["median"], r["guong-check"]["median"]
print(f"guong build: {g:.2f} s   hugo: {h:.2f} s   ratio guong/hugo: {g / h:.2f} (target <= 0.50)")
g, h = s["guong-build"]["median"], s["hugo"]["median"]
print(f"from scratch: guong build: {g:.2f} s   hugo: {h:.2f} s   ratio: {g / h:.2f}")
print(f"guong check: {c:.3f} s (target < 1 s)")
PY
echo "peak memory guong build: $(( $(peak "$guong" --root "$out/site-guong" build --output "$PWD/$out/public-guong") / 1024 )) MB (target < 400 MB)"
echo "peak memory hugo: $(( $(peak hugo --quiet --source "$out/site-hugo" --destination "$PWD/$out/public-hugo") / 1024 )) MB"
