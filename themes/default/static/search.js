// Gallery search of guong: diacritic-insensitive search and filters over the index that
// `guong build` writes under /tim-kiem/ (see src/search/index.rs for the file formats).
// Loaded with `defer` on the gallery pages only; without it the gallery still works.
// In Node (tests, benchmark) it exports its engine instead of touching a page.
(function () {
  'use strict';

  // ---- Folding and syllables: the same rules as src/search/fold.rs and tokenize.rs ----

  /** "Đạo đức" → "dao duc": NFD, combining marks dropped, đ → d, lowercase. */
  const fold = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
  const RUN = /[\p{Alphabetic}\p{N}\p{M}]+/gu;
  const MAX_SYLLABLE_CHARS = 40;
  /** Runs of letters, digits and marks, as written (over-long runs dropped). */
  const runs = (text) => (text.match(RUN) || []).filter((run) => [...run].length <= MAX_SYLLABLE_CHARS);
  /** A run as a spelling: lowercase NFC. */
  const spelling = (run) => run.toLowerCase().normalize('NFC');
  /** The folded syllables of a text. */
  const syllables = (text) => runs(text).map(fold).filter(Boolean);

  /**
   * The terms of a query: each syllable folded and as typed. The last one is a prefix while
   * it is being typed (no space or punctuation after it).
   */
  function parseQuery(query) {
    const terms = runs(query)
      .map((run) => ({ text: run, folded: fold(run), exact: spelling(run), prefix: false }))
      .filter((t) => t.folded);
    if (terms.length && !/[^\p{Alphabetic}\p{N}\p{M}]$/u.test(query)) terms[terms.length - 1].prefix = true;
    return terms;
  }

  /** The file of a shard key: the same rule as src/search/shards.rs `file_name`. */
  function fileName(key) {
    if (/^[a-z0-9 ]*$/.test(key)) return 's-' + key.replace(/ /g, '_') + '.json';
    const hex = Array.from(new TextEncoder().encode(key), (b) => b.toString(16).padStart(2, '0'));
    return 'h-' + hex.join('') + '.json';
  }

  // ---- Posting lists (src/search/postings.rs) ----

  /** Calls `each(doc, value)` for every posting of a dense string or a sparse gap array. */
  function decode(postings, each) {
    if (typeof postings === 'string') {
      for (let doc = 0; doc < postings.length; doc++) {
        const c = postings.charCodeAt(doc);
        if (c !== 48) each(doc, c <= 57 ? c - 48 : c >= 97 ? c - 87 : c - 29);
      }
    } else {
      let doc = 0;
      for (let i = 0; i < postings.length; i += 2) {
        doc += postings[i];
        each(doc, postings[i + 1]);
      }
    }
  }
  /** The numbers of a packed column `{w, s}` (src/search/postings.rs `pack`). */
  function unpack(packed) {
    const out = new Array(packed.s.length / packed.w);
    for (let i = 0, at = 0; i < out.length; i++) {
      let n = 0;
      for (let k = 0; k < packed.w; k++, at++) {
        const c = packed.s.charCodeAt(at);
        n = n * 62 + (c <= 57 ? c - 48 : c >= 97 ? c - 87 : c - 29);
      }
      out[i] = n;
    }
    return out;
  }
  /** Term frequency of each frequency level. */
  const LEVEL_TF = [0, 1, 2, 3, 4.5, 7, 11, 17, 25];
  const IN_SUMMARY = 1;
  const IN_TITLE = 2;

  // ---- Sharded dictionaries (src/search/shards.rs) ----

  class Dictionary {
    constructor(keys, folder, load) {
      this.leaves = new Set(keys.leaves);
      this.splits = new Set(keys.splits);
      this.all = keys.leaves.concat(keys.splits);
      this.folder = folder;
      this.load = load;
    }
    /** The longest listed key that is a prefix of `key`. */
    covering(key) {
      const chars = [...key];
      for (let n = chars.length; n >= 0; n--) {
        const k = chars.slice(0, n).join('');
        if (this.leaves.has(k)) return { key: k, leaf: true };
        if (this.splits.has(k)) return { key: k, leaf: false };
      }
      return null;
    }
    /** The shortest listed key that starts with `prefix`. */
    below(prefix) {
      let best = null;
      for (const k of this.all) if (k.startsWith(prefix) && (best === null || k.length < best.length)) best = k;
      return best === null ? null : { key: best, leaf: this.leaves.has(best) };
    }
    shard(key) {
      return this.load(this.folder + fileName(key));
    }
    /** The entry of `key`, or undefined. */
    async exact(key) {
      const at = this.covering(key);
      if (!at || (!at.leaf && at.key !== key)) return undefined;
      return (await this.shard(at.key)).t[key];
    }
    /**
     * Entries starting with `prefix`: `{key, entries: [[k, entry]…]}` from a leaf, or
     * `{key, summary, own}` from a split prefix (every document with such an entry).
     */
    async prefix(prefix) {
      let at = this.covering(prefix);
      if (!at || (!at.leaf && at.key !== prefix)) at = this.below(prefix);
      if (!at) return { key: null, entries: [] };
      const shard = await this.shard(at.key);
      if (!at.leaf) return { key: at.key, summary: shard.s, own: shard.t[at.key] };
      return { key: at.key, entries: Object.entries(shard.t).filter(([k]) => k.startsWith(prefix)) };
    }
  }

  // ---- The engine: matching, ranking, filters and counts ----

  const K1 = 1.2;
  const B = 0.75;
  /** A completion of the last syllable weighs less than the syllable typed in full. */
  const COMPLETION = 0.8;
  const TITLE_BONUS = 1;
  const EXACT_BONUS = 0.5;
  const BIGRAM_TITLE_BONUS = 1.5;
  const BIGRAM_SUMMARY_BONUS = 0.75;
  const ALL_IN_TITLE_BONUS = 0.5;
  const RETIRED = 'loai_bo';
  const STATUS = 'trang-thai';

  class Engine {
    /** `load(path, version)` returns the parsed JSON of a file of the index folder. */
    constructor(load) {
      this.loadFile = load;
    }

    async init() {
      this.meta = await this.loadFile('meta.json', '');
      const load = (path) => this.loadFile(path, this.meta.v);
      const table = await load('facets.json');
      this.n = this.meta.n;
      this.lengths = Float32Array.from(unpack(table.len), (l) => (l ? 2 ** (l / 4) : 1));
      this.average = this.meta.avg || 1;
      this.facets = [];
      for (const f of table.f) {
        const facet = { key: f.k, label: f.l, values: f.v.map(([code, label]) => ({ code, label })) };
        if (Array.isArray(f.d)) Object.assign(facet, { kind: 'many', col: f.d });
        else if (f.d.of) {
          // Read through another facet: the sector of the base unit.
          const source = this.facets.find((g) => g.key === f.d.of).col;
          Object.assign(facet, { kind: 'one', col: Int32Array.from(source, (v) => (v < 0 ? -1 : f.d.map[v])) });
        } else if (f.m) Object.assign(facet, { kind: 'mask', col: Uint32Array.from(unpack(f.d)) });
        else Object.assign(facet, { kind: 'one', col: Int32Array.from(unpack(f.d), (x) => x - 1) });
        this.facets.push(facet);
      }
      const status = this.facets.find((f) => f.key === STATUS);
      this.statusFacet = status || null;
      this.retired = status ? status.values.findIndex((v) => v.code === RETIRED) : -1;
      this.terms = new Dictionary(this.meta.terms, 'shards/', load);
      this.spellings = new Dictionary(this.meta.terms, 'exact/', load);
      this.load = load;
      return this;
    }

    /** Whether document `doc` is retired (hidden unless the "Đã dừng" filter is on). */
    isRetired(doc) {
      return this.retired >= 0 && this.valuesOf(this.statusFacet, doc).includes(this.retired);
    }

    /** The value indexes of document `doc` in `facet`. */
    valuesOf(facet, doc) {
      if (facet.kind === 'many') return facet.col[doc];
      if (facet.kind === 'one') return facet.col[doc] < 0 ? [] : [facet.col[doc]];
      const out = [];
      for (let bits = facet.col[doc], i = 0; bits; bits >>>= 1, i++) if (bits & 1) out.push(i);
      return out;
    }

    /** Per document: frequency, title and exact-spelling flags of one query term. */
    async matchTerm(term) {
      const n = this.n;
      const m = { tf: new Float32Array(n), title: new Uint8Array(n), exact: new Uint8Array(n) };
      const marked = term.exact !== term.folded;
      const add = (entry, weight) => {
        decode(entry.f, (d, level) => { m.tf[d] += LEVEL_TF[level] * weight; });
        if (entry.ti) decode(entry.ti, (d) => { m.title[d] = 1; });
      };
      const addSpellings = (spellings, entry, accept) => {
        if (!spellings) return;
        for (const [s, postings] of Object.entries(spellings)) {
          if (!accept(s)) continue;
          decode(postings === 1 ? entry.f : postings, (d) => { m.exact[d] = 1; });
        }
      };
      if (!term.prefix) {
        const entry = await this.terms.exact(term.folded);
        if (entry) {
          add(entry, 1);
          if (marked) addSpellings(await this.spellings.exact(term.folded), entry, (s) => s === term.exact);
        }
        return m;
      }
      const found = await this.terms.prefix(term.folded);
      if (found.summary !== undefined) {
        decode(found.summary, (d, level) => { m.tf[d] += LEVEL_TF[level] * COMPLETION; });
        if (found.own && found.own.ti) decode(found.own.ti, (d) => { m.title[d] = 1; });
        return m;
      }
      for (const [k, entry] of found.entries) add(entry, k === term.folded ? 1 : COMPLETION);
      if (marked && found.entries.length) {
        const shard = await this.spellings.shard(found.key);
        for (const [k, entry] of found.entries) addSpellings(shard.t[k], entry, (s) => s.startsWith(term.exact));
      }
      return m;
    }

    /** Per document: bigram flags (title, summary) of two adjacent query terms. */
    async matchPair(first, second) {
      const flags = new Uint8Array(this.n);
      const entry = await this.terms.exact(first.folded);
      if (!entry || !entry.bg) return flags;
      // The bigrams of `first` are sharded below the prefix "first " (src/search/index.rs).
      const root = first.folded + ' ';
      const keys = entry.bg === 1
        ? { leaves: [root], splits: [] }
        : { leaves: entry.bg.l.map((k) => root + k), splits: entry.bg.s.map((k) => root + k) };
      const bigrams = new Dictionary(keys, 'bigrams/', this.load);
      const key = root + second.folded;
      if (!second.prefix) {
        const postings = await bigrams.exact(key);
        if (postings) decode(postings, (d, f) => { flags[d] |= f; });
        return flags;
      }
      const found = await bigrams.prefix(key);
      if (found.summary !== undefined) decode(found.summary, (d, f) => { flags[d] |= f; });
      else for (const [, postings] of found.entries) decode(postings, (d, f) => { flags[d] |= f; });
      return flags;
    }

    /**
     * Runs a query with filters (`selected`: facet key → Set of codes). Returns the matching
     * documents best first, live counts per facet value, and the query terms nothing matches.
     */
    async search(query, selected) {
      const n = this.n;
      const terms = parseQuery(query);
      let matched = null;
      let score = null;
      const missing = [];
      if (terms.length) {
        const [matches, pairs] = await Promise.all([
          Promise.all(terms.map((t) => this.matchTerm(t))),
          Promise.all(terms.slice(1).map((t, i) => this.matchPair(terms[i], t))),
        ]);
        matched = new Uint8Array(n).fill(1);
        const idf = matches.map((m, i) => {
          let df = 0;
          for (let d = 0; d < n; d++) {
            if (m.tf[d] > 0) df++;
            else matched[d] = 0;
          }
          if (!df) missing.push(terms[i].text);
          return Math.log(1 + n / Math.max(df, 1));
        });
        score = new Float32Array(n);
        for (let d = 0; d < n; d++) {
          if (!matched[d]) continue;
          const norm = K1 * (1 - B + (B * this.lengths[d]) / this.average);
          let s = 0;
          let allInTitle = true;
          for (let i = 0; i < matches.length; i++) {
            const m = matches[i];
            const tf = m.tf[d];
            s += idf[i] * ((tf * (K1 + 1)) / (tf + norm) + TITLE_BONUS * m.title[d] + EXACT_BONUS * m.exact[d]);
            if (!m.title[d]) allInTitle = false;
          }
          for (let i = 0; i < pairs.length; i++) {
            const f = pairs[i][d];
            const weight = (f & IN_TITLE ? BIGRAM_TITLE_BONUS : 0) + (f & IN_SUMMARY ? BIGRAM_SUMMARY_BONUS : 0);
            s += (idf[i] + idf[i + 1]) * weight;
          }
          if (allInTitle) s += ALL_IN_TITLE_BONUS * idf.reduce((a, b) => a + b, 0);
          score[d] = s;
        }
      }
      return this.filter(matched, score, selected, missing, terms.length > 0);
    }

    /** Applies the filters: AND across facets, OR within one; counts each value live. */
    filter(matched, score, selected, missing, queried) {
      const n = this.n;
      const facets = this.facets;
      let filtered = false;
      const choices = facets.map((f) => {
        const codes = selected.get(f.key);
        const on = new Uint8Array(f.values.length);
        let any = false;
        if (codes) {
          f.values.forEach((v, i) => {
            if (codes.has(v.code)) {
              on[i] = 1;
              any = true;
            }
          });
        }
        filtered = filtered || any;
        if (f === this.statusFacet && !any) {
          // Retired models are hidden unless "Đã dừng" is chosen.
          f.values.forEach((v, i) => { on[i] = i === this.retired ? 0 : 1; });
          any = true;
        }
        let mask = 0;
        on.forEach((x, i) => { if (x) mask |= 1 << i; });
        return { on, mask, any };
      });
      const active = facets.map((_, i) => i).filter((i) => choices[i].any);
      const passes = (i, d) => {
        const f = facets[i];
        if (f.kind === 'one') return f.col[d] >= 0 && choices[i].on[f.col[d]] === 1;
        if (f.kind === 'mask') return (f.col[d] & choices[i].mask) !== 0;
        return f.col[d].some((v) => choices[i].on[v] === 1);
      };
      const counts = facets.map((f) => new Uint32Array(f.values.length));
      const count = (i, d) => {
        const f = facets[i];
        if (f.kind === 'one') {
          if (f.col[d] >= 0) counts[i][f.col[d]]++;
        } else if (f.kind === 'mask') {
          for (let bits = f.col[d], v = 0; bits; bits >>>= 1, v++) if (bits & 1) counts[i][v]++;
        } else {
          for (const v of f.col[d]) counts[i][v]++;
        }
      };
      const results = [];
      for (let d = 0; d < n; d++) {
        if (matched && !matched[d]) continue;
        let failed = -1;
        let fails = 0;
        for (const i of active) {
          if (!passes(i, d)) {
            failed = i;
            if (++fails > 1) break;
          }
        }
        if (fails > 1) continue;
        if (fails === 1) {
          count(failed, d);
          continue;
        }
        for (let i = 0; i < facets.length; i++) count(i, d);
        results.push(d);
      }
      if (score) results.sort((a, b) => score[b] - score[a] || a - b);
      return { results, counts, missing, filtered, queried };
    }

    /** Display data of documents: `{doc, id, title, unit, subject, summary}` each. */
    async display(docs) {
      const chunk = this.meta.chunk;
      const files = await Promise.all(docs.map((d) => this.load('docs/' + Math.floor(d / chunk) + '.json')));
      return docs.map((d, i) => {
        const [id, title, unit, subject, summary] = files[i][d % chunk];
        return { doc: d, id, title, unit, subject, summary };
      });
    }
  }

  const api = { fold, syllables, runs, spelling, parseQuery, fileName, decode, unpack, Dictionary, Engine };
  if (typeof module === 'object' && module.exports) {
    module.exports = api;
    return;
  }
  if (typeof document === 'undefined') return;

  // ---- The page: form, filters, results, address ----

  const form = document.getElementById('tim-kiem');
  if (!form || !window.fetch) return;
  const input = form.querySelector('input[type="search"]');
  const filtersBox = document.getElementById('tim-kiem-loc');
  const status = document.getElementById('tim-kiem-trang-thai');
  const results = document.getElementById('tim-kiem-ket-qua');
  const gallery = document.getElementById('ket-qua');
  const paging = document.querySelectorAll('.pagination');
  const indexUrl = form.dataset.index;
  const base = form.dataset.base || '/';
  const PAGE = 20;
  const DEBOUNCE_MS = 150;

  const load = (path, version) =>
    fetch(indexUrl + path + (version ? '?v=' + version : ''), version ? {} : { cache: 'no-cache' }).then((r) => {
      if (!r.ok) throw new Error(r.status + ' ' + path);
      return r.json();
    });
  const cache = new Map();
  const cachedLoad = (path, version) => {
    if (!cache.has(path)) cache.set(path, load(path, version).catch((e) => { cache.delete(path); throw e; }));
    return cache.get(path);
  };

  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? '' : v);
    }
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  };

  let engine = null;
  let generation = 0;
  let shown = PAGE;
  let last = null;
  const boxes = new Map();

  function selection() {
    const selected = new Map();
    for (const box of form.querySelectorAll('input[type="checkbox"]:checked')) {
      if (!selected.has(box.name)) selected.set(box.name, new Set());
      selected.get(box.name).add(box.value);
    }
    return selected;
  }

  function buildFilters() {
    const reset = el('button', { type: 'button', class: 'search-reset' }, 'Xóa tìm kiếm và bộ lọc');
    reset.addEventListener('click', () => {
      input.value = '';
      for (const box of form.querySelectorAll('input[type="checkbox"]')) box.checked = false;
      update();
      input.focus();
    });
    for (const facet of engine.facets) {
      if (!facet.values.length) continue;
      const list = el('ul', { class: 'facet-values', role: 'list' });
      facet.values.forEach((value, i) => {
        const box = el('input', { type: 'checkbox', name: facet.key, value: value.code });
        const count = el('span', { class: 'count' });
        boxes.set(facet.key + '\u0000' + i, count);
        list.append(el('li', null, el('label', null, box, ' ' + value.label + ' ', count)));
      });
      filtersBox.append(el('details', { class: 'facet', 'data-facet': facet.key },
        el('summary', null, facet.label), el('fieldset', null, el('legend', { class: 'visually-hidden' }, facet.label), list)));
    }
    filtersBox.append(reset);
  }

  /** Sets the filters (and the query, unless `keepQuery`) from the address. */
  function restore(keepQuery) {
    const params = new URLSearchParams(location.search);
    if (!keepQuery) input.value = params.get('q') || '';
    for (const box of form.querySelectorAll('input[type="checkbox"]')) {
      box.checked = params.getAll(box.name).includes(box.value);
      if (box.checked) box.closest('details').open = true;
    }
  }

  function remember() {
    const params = new URLSearchParams();
    if (input.value.trim()) params.set('q', input.value.trim());
    for (const box of form.querySelectorAll('input[type="checkbox"]:checked')) params.append(box.name, box.value);
    const query = params.toString();
    const url = location.pathname + (query ? '?' + query : '') + location.hash;
    if (url !== location.pathname + location.search + location.hash) history.replaceState(null, '', url);
  }

  function card(item) {
    const retired = engine.isRetired(item.doc);
    const statusValue = engine.statusFacet && engine.valuesOf(engine.statusFacet, item.doc)[0];
    const label = statusValue === undefined ? null : engine.statusFacet.values[statusValue];
    const meta = el('p', { class: 'card-meta' });
    for (const part of [item.unit, item.subject]) if (part) meta.append(el('span', null, part));
    return el('li', { class: 'card' + (retired ? ' card-retired' : ''), 'data-id': item.id },
      el('h2', { class: 'card-title' }, el('a', { href: base + 'mo-hinh/' + item.id + '/' }, item.title)),
      meta,
      item.summary ? el('p', { class: 'card-summary' }, item.summary) : null,
      label ? el('p', { class: 'badges' }, el('span', { class: 'badge status-' + label.code }, label.label)) : null);
  }

  async function render(outcome, mine) {
    const { results: docs, missing } = outcome;
    for (const [i, facet] of engine.facets.entries()) {
      facet.values.forEach((_, v) => {
        const count = boxes.get(facet.key + '\u0000' + v);
        if (count) count.textContent = '(' + outcome.counts[i][v] + ')';
      });
    }
    const active = outcome.queried || outcome.filtered;
    results.hidden = !active;
    if (gallery) gallery.hidden = active;
    for (const nav of paging) nav.hidden = active;
    if (!active) {
      results.replaceChildren();
      status.textContent = '';
      return;
    }
    const items = await engine.display(docs.slice(0, shown));
    if (mine !== generation) return;
    const list = el('ul', { class: 'cards', role: 'list' }, ...items.map(card));
    const children = [];
    if (!docs.length) {
      const why = missing.length ? ' Không có mô hình nào chứa “' + missing.join('”, “') + '”.' : '';
      children.push(el('p', { class: 'search-empty' }, 'Không tìm thấy mô hình phù hợp.' + why));
    } else {
      children.push(list);
    }
    if (docs.length > shown) {
      const more = el('button', { type: 'button', class: 'button search-more' },
        'Xem thêm ' + Math.min(PAGE, docs.length - shown) + ' mô hình');
      more.addEventListener('click', () => {
        shown += PAGE;
        render(last, generation).then(() => {
          const next = results.querySelectorAll('.card-title a')[shown - PAGE];
          if (next) next.focus();
        });
      });
      children.push(more);
    }
    results.replaceChildren(...children);
    status.textContent = docs.length
      ? 'Tìm thấy ' + docs.length + ' mô hình' + (docs.length > shown ? ', hiển thị ' + shown + ' mô hình đầu' : '') + '.'
      : 'Không tìm thấy mô hình phù hợp.';
  }

  async function update() {
    const mine = ++generation;
    shown = PAGE;
    try {
      await ready;
      remember();
      const outcome = await engine.search(input.value, selection());
      if (mine !== generation) return;
      last = outcome;
      await render(outcome, mine);
    } catch (error) {
      if (mine === generation) status.textContent = 'Không tải được dữ liệu tìm kiếm, vui lòng thử lại.';
    }
  }

  let timer = 0;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(update, DEBOUNCE_MS);
  };

  // The box works at once; filters appear when the facet table has arrived.
  const ready = new Engine(cachedLoad).init().then((loaded) => {
    engine = loaded;
    buildFilters();
    restore(true);
  });
  function start() {
    restore();
    form.hidden = false;
    input.addEventListener('input', later);
    form.addEventListener('change', (event) => { if (event.target.type === 'checkbox') update(); });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(timer);
      update();
    });
    window.addEventListener('popstate', () => {
      restore();
      update();
    });
    // Fills the live counts, and shows the results of a shared address.
    update();
  }

  start();
})();
