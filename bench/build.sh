#!/usr/bin/env bash
# Benchmark: `guong build` and `guong check` of N generated models beside Hugo on the same
# pages (SPEC §7). Prints wall time and peak memory of each, and the ratios the README
# quotes:
#   - full build (`--no-cache`: every page and document made again) against Hugo's build;
#   - a one-model edit (the build cache keeps every page that did not change) against
#     Hugo's full build;
#   - a template edit (every page rendered, the Word and Excel files kept): the difference
#     with the full build is what the per-model documents cost;
#   - the incremental output compared with a build from scratch (must be identical).
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
site=$out/site-guong
public=$PWD/$out/public-guong
# The corpus must be a valid site: a benchmark of a site with errors would measure a build
# that stops after the check.
if ! summary=$("$guong" --root "$site" check | tail -n 1); then
  echo "the generated site does not pass guong check: $summary" >&2
  exit 1
fi
echo "check of the generated site: $summary"
peak() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1; }

# The edited model: its title grows by one word at each run (the page, its unit's and
# group's lists, the gallery page that shows it and the search index change).
model=$(find "$site/content/mo-hinh" -name '*.md' | sort | sed -n 1p)
edit_model="sed -i -E 's/^title: \"(.*)\"$/title: \"\\1 x\"/' $model"
# The theme's base template, overridden by the site with one more comment at each run.
mkdir -p "$site/templates"
cp themes/default/templates/base.html "$site/templates/base.html"
edit_template="sed -i 's|</body>|<!-- x --></body>|' $site/templates/base.html"

"$guong" --root "$site" build --output "$public" >/dev/null
hyperfine --warmup 1 --runs 5 --export-json "$out/build.json" \
  -n guong-full "$guong --root $site build --no-cache --output $public" \
  -n hugo "hugo --quiet --source $out/site-hugo --destination $PWD/$out/public-hugo" \
  -n guong-check "$guong --root $site check --format json" >/dev/null
hyperfine --runs 5 --export-json "$out/edit.json" \
  -n guong-one-model-edit --prepare "$edit_model" "$guong --root $site build --output $public" \
  -n guong-template-edit --prepare "$edit_template" "$guong --root $site build --output $public" >/dev/null

# From scratch: no previous output (nor guong's caches) for either tool.
hyperfine --runs 3 --export-json "$out/scratch.json" \
  --prepare "rm -rf $public $out/.public-guong.guong-prev $out/.public-guong.guong-cache $out/public-hugo" \
  -n guong-build "$guong --root $site build --output $public" \
  -n hugo "hugo --quiet --source $out/site-hugo --destination $PWD/$out/public-hugo" >/dev/null

# The incremental output must be the output of a build from scratch, byte for byte. (The
# scratch runs above removed guong's output before Hugo's runs too: build it again first.)
"$guong" --root "$site" build --output "$public" >/dev/null
eval "$edit_model"
"$guong" --root "$site" build --output "$public" | sed 's/^/incremental: /'
rm -rf "$out/public-scratch" "$out/.public-scratch.guong-prev" "$out/.public-scratch.guong-cache"
"$guong" --root "$site" build --no-cache --output "$PWD/$out/public-scratch" >/dev/null
if diff -r "$public" "$out/public-scratch" >/dev/null; then
  echo "incremental output identical to a build from scratch: yes"
else
  echo "incremental output identical to a build from scratch: NO" >&2
  exit 1
fi

python3 - "$out/build.json" "$out/edit.json" "$out/scratch.json" <<'PY'
import json, sys
def load(path):
    return {x["command"]: x["median"] for x in json.load(open(path))["results"]}
r, e, s = (load(p) for p in sys.argv[1:])
h = r["hugo"]
print(f"hugo build: {h:.2f} s")
print(f"guong full build (--no-cache): {r['guong-full']:.2f} s   ratio: {r['guong-full'] / h:.2f} (target <= 0.45)")
print(f"guong one-model edit: {e['guong-one-model-edit']:.2f} s   ratio: {e['guong-one-model-edit'] / h:.3f} (target <= 0.10)")
t = e["guong-template-edit"]
print(f"guong template edit (every page rendered, documents kept): {t:.2f} s; "
      f"documents ~{max(r['guong-full'] - t, 0):.2f} s of the full build")
print(f"from scratch: guong build: {s['guong-build']:.2f} s   hugo: {s['hugo']:.2f} s   ratio: {s['guong-build'] / s['hugo']:.2f}")
print(f"guong check: {r['guong-check']:.3f} s (target < 0.8 s)")
PY
echo "peak memory guong full build: $(( $(peak "$guong" --root "$site" build --no-cache --output "$public") / 1024 )) MB (target < 350 MB)"
eval "$edit_model"
echo "peak memory guong one-model edit: $(( $(peak "$guong" --root "$site" build --output "$public") / 1024 )) MB"
echo "peak memory guong check: $(( $(peak "$guong" --root "$site" check --format json) / 1024 )) MB"
echo "peak memory hugo: $(( $(peak hugo --quiet --source "$out/site-hugo" --destination "$PWD/$out/public-hugo") / 1024 )) MB"
