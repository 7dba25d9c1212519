#!/usr/bin/env bash
# Benchmark: Git data for 10,000 files over 5,000 commits (SPEC §7, target under 2 s).
#
#   bench/history.sh [MODELS] [COMMITS]      (default 10000 5000)
#
# Generates a site with bench/gen_corpus.py, gives it a synthetic history with
# `git fast-import` (bench/history_repo.py), then
# - times the history walk alone (examples/history_walk.rs, median of 5),
# - checks that every file is credited exactly the commits `git log -- content/` lists,
# - times `guong build` of the same site with and without its repository (once `build`
#   renders pages).
# The benchmark uses the git CLI to make the repository; guong reads it with git2 only.
set -euo pipefail
cd "$(dirname "$0")/.."
models=${1:-10000}
commits=${2:-5000}
out=${BENCH_OUT:-${TMPDIR:-/tmp}/guong-bench-history}
gen=bench/gen_corpus.py
site=$out/site
plain=$out/site-without-git
bin=${CARGO_TARGET_DIR:-target}/release

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

cargo build --release --quiet --example history_walk
cargo build --release --quiet --bin guong || echo "(guong binary did not build; build timing skipped)"
rm -rf "$out" && mkdir -p "$out"
started=$(now)
python3 "$gen" --models "$models" --out "$site" --flavor guong >/dev/null
git -C "$site" init --quiet --initial-branch=main
python3 bench/history_repo.py "$site" --commits "$commits" | git -C "$site" fast-import --quiet
git -C "$site" reset --quiet
cp -r "$site" "$plain" && rm -rf "$plain/.git"
echo "repository: $(git -C "$site" ls-files | wc -l) files, $(git -C "$site" rev-list --count HEAD) commits," \
  "$(du -sh "$site/.git" | cut -f1) (made in $(since "$started") s)"

walk=$bin/examples/history_walk
for _ in 1 2 3 4 5; do "$walk" "$site"; done >"$out/walk.txt"
echo "history: $(tail -n 1 "$out/walk.txt" | sed 's/, [0-9]* ms$//')"
echo "history walk: $(sed 's/.*, \([0-9]*\) ms$/\1/' "$out/walk.txt" | median) ms, median of 5 (target < 2000 ms)"

"$walk" --dump "$site" >"$out/ours.txt"
git -C "$site" log --format='@%H' --name-only --no-renames -- content/ >"$out/git-log.txt"
python3 - "$out/ours.txt" "$out/git-log.txt" <<'PY'
import sys
ours = {p: c for p, *c in (line.split() for line in open(sys.argv[1]))}
theirs, commit = {}, None
for line in map(str.strip, open(sys.argv[2])):
    if line.startswith("@"):
        commit = line[1:]
    elif line:
        theirs.setdefault(line, []).append(commit)
bad = sorted(p for p in ours.keys() | theirs.keys() if ours.get(p) != theirs.get(p))
print("same commits per file as git log:", "yes" if not bad else f"NO ({len(bad)} files differ, e.g. {bad[:3]})")
PY

# Each build writes a fresh output folder and none is deleted until the end: removing
# 17,000 files just before writing as many makes ext4 slow to allocate inodes, which
# would be measured instead of the history.
time_build() {
  for i in 1 2 3; do
    local t0
    t0=$(now)
    "$bin/guong" --root "$1" build --output "$out/public-$2-$i" >/dev/null 2>&1 || return 1
    since "$t0"
    echo
  done | median
}
if [ -x "$bin/guong" ] && with=$(time_build "$site" git) && without=$(time_build "$plain" plain); then
  echo "guong build: ${with} s with the repository, ${without} s without (median of 3)"
else
  echo "guong build: not available (skipped)"
fi
rm -rf "$out"/public-*
