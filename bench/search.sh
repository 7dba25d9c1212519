#!/usr/bin/env bash
# Benchmark of the gallery search at N generated models (SPEC §5: a first query downloads well
# under 150 KB gzip and answers in under 30 ms at 10,000 models).
#
#   bench/search.sh [MODELS]      (default 10000)
#
# Builds the generated site with the release binary, then reports the index size per model
# and, in Node, for a set of typical queries (phrases of two to five syllables among them): the
# bytes (gzip -6, as a web server sends them) a fresh page downloads for its first query (meta,
# facets, term and bigram shards, the first 20 results' display data, and the model pages the
# first six cards read their passage from when the phrase is only in their body) and the query
# time once those files are loaded (median and worst of 20 runs), as wall-clock time and as
# the CPU time of the Node process (on a busy shared machine the wall clock mostly measures
# the wait for a core; the CPU time is what the query costs).
#
#   bench/search.sh --reuse [MODELS]   measures the queries again on the site built last time
set -euo pipefail
cd "$(dirname "$0")/.."
reuse=false
if [ "${1:-}" = --reuse ]; then
  reuse=true
  shift
fi
models=${1:-10000}
out=${BENCH_OUT:-${TMPDIR:-/tmp}/guong-bench-search}
gen=bench/gen_corpus.py

if ! $reuse; then
  cargo build --release --quiet
  rm -rf "$out"
  mkdir -p "$out"
  python3 "$gen" --models "$models" --out "$out/site" >/dev/null
  start=$(date +%s.%N)
  ./target/release/guong --root "$out/site" build --output "$out/public" >/dev/null
  end=$(date +%s.%N)
  echo "build of $models models: $(echo "$end - $start" | bc) s (whole site, index included)"
fi

node - "$out/public" "$models" <<'JS'
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { performance } = require('node:perf_hooks');
const { Engine, parseQuery, cardMatches } = require(path.resolve('themes/default/static/search.js'));
const [site, models] = [process.argv[2], Number(process.argv[3])];
const index = path.join(site, 'tim-kiem');

let raw = 0, gz = 0, files = 0;
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else { const b = fs.readFileSync(p); raw += b.length; gz += zlib.gzipSync(b, { level: 6 }).length; files++; }
  }
})(index);
console.log(`index: ${files} files, ${(raw / 1024 / 1024).toFixed(1)} MB (${(gz / 1024 / 1024).toFixed(1)} MB gzip); ` +
  `${(raw / models).toFixed(0)} bytes per model (${(gz / models).toFixed(0)} gzip)`);

const queries = [
  'hoc tap lam theo bac', 'dao duc', 'đạo đức phong cách', 'tiet kiem dien nuoc', 'nguyen van',
  'chuyen doi so', 'cai cach hanh chinh', 'th', 'dan van kh', 'xqzwv',
  'mot cua', 'lang nghe', 'cán bộ đảng viên', 'nhan rong mo hinh', 'chi bo 3',
];
const PAGE = 20;
/** Cards on a first screen (two rows of three at 1280 px) that may read a passage from their model page. */
const SHOWN = 6;
function loader(counter) {
  return async (file) => {
    const bytes = fs.readFileSync(path.join(index, file));
    if (counter && !counter.seen.has(file)) {
      counter.seen.add(file);
      counter.bytes += zlib.gzipSync(bytes, { level: 6 }).length;
      counter.files++;
    }
    return JSON.parse(bytes.toString('utf8'));
  };
}
/** The gzip bytes of the model pages the first cards of `items` read their passage from (as search.js decides). */
function passages(items, terms, phrase) {
  let bytes = 0;
  items.slice(0, SHOWN).forEach((item, i) => {
    if (cardMatches(item, terms, terms.length > 1 && i < phrase).needsBody) {
      bytes += zlib.gzipSync(fs.readFileSync(path.join(site, 'mo-hinh', item.id, 'index.html')), { level: 6 }).length;
    }
  });
  return bytes;
}
(async () => {
  let worstFirst = 0, worstTime = 0, worstCpu = 0;
  for (const query of queries) {
    const counter = { seen: new Set(), bytes: 0, files: 0 };
    const cache = new Map();
    const load = loader(counter);
    const cached = (file) => { if (!cache.has(file)) cache.set(file, load(file)); return cache.get(file); };
    const engine = await new Engine(cached).init();
    const run = async () => {
      const outcome = await engine.search(query, new Map());
      const items = await engine.display(outcome.results.slice(0, PAGE));
      return { outcome, items };
    };
    const { outcome, items } = await run();
    const pages = passages(items, parseQuery(query), outcome.phrase);
    const times = [], cpus = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      const cpu = process.cpuUsage();
      await run();
      const used = process.cpuUsage(cpu);
      times.push(performance.now() - t);
      cpus.push((used.user + used.system) / 1000);
    }
    times.sort((a, b) => a - b);
    cpus.sort((a, b) => a - b);
    const median = times[10], worst = times[19], cpuMedian = cpus[10];
    const first = counter.bytes + pages;
    worstFirst = Math.max(worstFirst, first);
    worstTime = Math.max(worstTime, worst);
    worstCpu = Math.max(worstCpu, cpuMedian);
    console.log(`${JSON.stringify(query).padEnd(24)} ${String(outcome.results.length).padStart(6)} results ` +
      `(${String(outcome.phrase).padStart(5)} phrase)  first query ${(first / 1024).toFixed(1).padStart(6)} KB gzip ` +
      `(passages ${(pages / 1024).toFixed(1)} KB) in ${String(counter.files).padStart(3)} files  ` +
      `query ${median.toFixed(1)} ms (worst ${worst.toFixed(1)} ms; CPU ${cpuMedian.toFixed(1)} ms)`);
  }
  console.log(`largest first-query download: ${(worstFirst / 1024).toFixed(1)} KB gzip (target well under 150 KB); ` +
    `slowest query: ${worstTime.toFixed(1)} ms, largest median CPU time ${worstCpu.toFixed(1)} ms (target < 30 ms)`);
})();
JS
