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

  /** The value of a base-62 digit (0-9, a-z, A-Z) given by its character code. */
  const digit = (c) => (c <= 57 ? c - 48 : c >= 97 ? c - 87 : c - 29);
  /**
   * Calls `each(doc, value)` for every posting of a dense string (one digit per document) or a
   * sparse one (`~`, the gap width `w`, then `w` digits of gap and one of value per posting).
   */
  function decode(postings, each) {
    if (postings.charCodeAt(0) === 126) {
      const w = digit(postings.charCodeAt(1));
      let doc = 0;
      for (let i = 2; i < postings.length; i += w + 1) {
        let gap = 0;
        for (let k = 0; k < w; k++) gap = gap * 62 + digit(postings.charCodeAt(i + k));
        doc += gap;
        each(doc, digit(postings.charCodeAt(i + w)));
      }
      return;
    }
    for (let doc = 0; doc < postings.length; doc++) {
      const c = postings.charCodeAt(doc);
      if (c !== 48) each(doc, digit(c));
    }
  }
  /** The numbers of a packed column `{w, s}` (src/search/postings.rs `pack`). */
  function unpack(packed) {
    const out = new Array(packed.s.length / packed.w);
    for (let i = 0, at = 0; i < out.length; i++) {
      let n = 0;
      for (let k = 0; k < packed.w; k++, at++) n = n * 62 + digit(packed.s.charCodeAt(at));
      out[i] = n;
    }
    return out;
  }
  /** Term frequency of each frequency level. */
  const LEVEL_TF = [0, 1, 2, 3, 4.5, 7, 11, 17, 25];

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
  const ALL_IN_TITLE_BONUS = 0.5;
  /** Field flags of bigrams (src/search/document.rs). */
  const IN_SUMMARY = 1;
  const IN_TITLE = 2;
  const IN_NAMES = 4;
  const IN_TOPICS = 8;
  const IN_BODY = 16;
  /** Fields a phrase may stand in, best first: title, names, summary, topics and tags, body. */
  const FIELD_ORDER = [IN_TITLE, IN_NAMES, IN_SUMMARY, IN_TOPICS, IN_BODY];
  const RETIRED = 'loai_bo';
  const STATUS = 'trang-thai';

  /** The rank of a field set: 5 for the title … 1 for the body, 0 for none. */
  function fieldRank(flags) {
    for (let i = 0; i < FIELD_ORDER.length; i++) if (flags & FIELD_ORDER[i]) return FIELD_ORDER.length - i;
    return 0;
  }

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

    /** Whether document `doc` is retired (hidden unless the "Đã dừng (loại bỏ)" filter is on). */
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

    /** Per document: the flags of the fields where two query terms stand side by side. */
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
     * documents best first, how many of them hold the query as a phrase (they come first),
     * live counts per facet value, and the query terms nothing matches.
     *
     * Ranking, in order: the phrase group (two or more syllables side by side, in order, in
     * one field) before the others; more syllables with the exact diacritics typed; for the
     * phrase group the best field holding the phrase (title, names, summary, topics and tags,
     * body), for the others the number of syllables in the title; then a BM25 score of all
     * fields with a title bonus.
     */
    async search(query, selected) {
      const n = this.n;
      const terms = parseQuery(query);
      let matched = null;
      let rank = null;
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
        const marked = terms.map((t) => t.exact !== t.folded);
        rank = { phrase: new Uint8Array(n), exact: new Uint8Array(n), field: new Uint8Array(n), score: new Float32Array(n) };
        for (let d = 0; d < n; d++) {
          if (!matched[d]) continue;
          const norm = K1 * (1 - B + (B * this.lengths[d]) / this.average);
          let s = 0;
          let inTitle = 0;
          let exact = 0;
          for (let i = 0; i < matches.length; i++) {
            const m = matches[i];
            const tf = m.tf[d];
            s += idf[i] * ((tf * (K1 + 1)) / (tf + norm) + TITLE_BONUS * m.title[d]);
            inTitle += m.title[d];
            if (marked[i]) exact += m.exact[d];
          }
          if (inTitle === terms.length) s += ALL_IN_TITLE_BONUS * idf.reduce((a, b) => a + b, 0);
          // The fields where every adjacent pair of the query stands together.
          let common = pairs.length ? 31 : 0;
          for (const p of pairs) common &= p[d];
          rank.phrase[d] = common ? 1 : 0;
          rank.field[d] = common ? fieldRank(common) : inTitle;
          rank.exact[d] = exact;
          rank.score[d] = s;
        }
      }
      return this.filter(matched, rank, selected, missing, terms);
    }

    /** Applies the filters: AND across facets, OR within one; counts each value live. */
    filter(matched, rank, selected, missing, terms) {
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
          // Retired models are hidden unless "Đã dừng (loại bỏ)" is chosen.
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
      let phrase = 0;
      if (rank) {
        // One number per result, compared once: group, then exact syllables, field, score.
        const key = new Float64Array(n);
        for (const d of results) {
          key[d] = ((rank.phrase[d] * 64 + Math.min(rank.exact[d], 63)) * 16 + rank.field[d]) * 1e6 + Math.min(rank.score[d], 999999);
        }
        results.sort((a, b) => key[b] - key[a] || a - b);
        if (terms.length > 1) for (const d of results) phrase += rank.phrase[d];
      }
      return { results, phrase, counts, missing, filtered, queried: terms.length > 0, terms };
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

  // ---- Highlights and snippets: where the query stands in a text ----

  /** Characters of a card's text (src/render/excerpt.rs cuts card summaries the same way). */
  const SNIPPET_CHARS = 200;
  const TRAILING = /[\s,;:.–-]+$/u;

  /** `text` cut to at most `max` characters at a word boundary, with "…" (as `excerpt` in Rust). */
  function excerpt(text, max = SNIPPET_CHARS) {
    const trimmed = text.trim();
    if ([...trimmed].length <= max) return trimmed;
    let cut = [...trimmed].slice(0, max).join('');
    const space = cut.search(/\s\S*$/u);
    if (space >= 0 && [...cut.slice(0, space)].length >= max / 2) cut = cut.slice(0, space);
    return cut.replace(TRAILING, '') + '…';
  }

  /** The syllables of `text` with their places: `{start, end, folded}` each. */
  function runsAt(text) {
    const out = [];
    for (const m of text.matchAll(RUN)) {
      if ([...m[0]].length > MAX_SYLLABLE_CHARS) continue;
      const folded = fold(m[0]);
      if (folded) out.push({ start: m.index, end: m.index + m[0].length, folded });
    }
    return out;
  }

  const matches = (run, term) => (term.prefix ? run.folded.startsWith(term.folded) : run.folded === term.folded);

  /**
   * Where the query stands in a one-line `text`: the spans `[start, end)` of its phrases (every
   * term, side by side and in order) when there is one (`phrase: true`), else of each syllable
   * that is a term. `found` counts the distinct terms present.
   */
  function highlights(text, terms) {
    const runs = runsAt(text);
    const spans = [];
    if (terms.length > 1) {
      for (let i = 0; i + terms.length <= runs.length; i++) {
        let k = 0;
        while (k < terms.length && matches(runs[i + k], terms[k])) k++;
        if (k === terms.length) {
          spans.push([runs[i].start, runs[i + k - 1].end]);
          i += k - 1;
        }
      }
      if (spans.length) return { phrase: true, spans, found: terms.length };
    }
    const present = new Set();
    for (const run of runs) {
      const hit = terms.findIndex((t) => matches(run, t));
      if (hit >= 0) {
        spans.push([run.start, run.end]);
        present.add(hit);
      }
    }
    return { phrase: false, spans, found: present.size };
  }

  /**
   * A passage of `text` (lines apart by "\n") of at most `max` characters around the query:
   * from the first line holding a phrase, else the line holding the most terms, starting a
   * little before the first match and cut at word boundaries ("…" where cut). Returns
   * `{text, spans, phrase}` with spans in the passage, or null when no term is there.
   */
  function snippet(text, terms, max = SNIPPET_CHARS) {
    let best = null;
    for (const line of text.split('\n')) {
      const found = highlights(line, terms);
      if (!found.spans.length) continue;
      if (!best || found.phrase > best.found.phrase || (found.phrase === best.found.phrase && found.found > best.found.found)) {
        best = { line, found };
      }
      if (found.phrase) break;
    }
    if (!best) return null;
    const { line, found } = best;
    let start = 0;
    let end = line.length;
    if ([...line].length > max) {
      const first = found.spans[0][0];
      start = Math.max(0, first - Math.floor(max / 4));
      if (start > 0) start = line.lastIndexOf(' ', start) + 1;
      end = Math.min(line.length, start + max);
      if (end < line.length) {
        const space = line.lastIndexOf(' ', end);
        if (space > found.spans[0][1]) end = space;
      }
    }
    let body = line.slice(start, end);
    if (end < line.length) body = body.replace(TRAILING, '');
    const lead = start > 0 ? '…' : '';
    const spans = found.spans
      .map(([a, b]) => [Math.max(a - start, 0), Math.min(b - start, body.length)])
      .filter(([a, b]) => a < b)
      .map(([a, b]) => [a + lead.length, b + lead.length]);
    return { text: lead + body + (end < line.length ? '…' : ''), spans, phrase: found.phrase };
  }

  /**
   * Where the query stands in a result's display data (`item`: title, unit, subject, summary),
   * for its card: the highlights of each, the passage of the summary, and whether the passage
   * must come from the body instead (`needsBody`): the phrase, for a result of the phrase group
   * (`group`), or any term otherwise, is in none of them.
   */
  function cardMatches(item, terms, group) {
    const title = highlights(item.title, terms);
    const unit = highlights(item.unit, terms);
    const subject = highlights(item.subject, terms);
    const summary = terms.length ? snippet(item.summary, terms) : null;
    const needsBody = terms.length > 0 && !title.phrase && !unit.phrase && !subject.phrase
      && !(summary && (summary.phrase || !group));
    return { title, unit, subject, summary, needsBody };
  }

  /** `text` in pieces `{text, mark}`, `mark` for the parts inside `spans` (sorted, apart). */
  function pieces(text, spans) {
    const out = [];
    let at = 0;
    for (const [a, b] of spans) {
      if (a > at) out.push({ text: text.slice(at, a), mark: false });
      out.push({ text: text.slice(a, b), mark: true });
      at = b;
    }
    if (at < text.length) out.push({ text: text.slice(at), mark: false });
    return out;
  }

  const api = {
    fold, syllables, runs, spelling, parseQuery, fileName, decode, unpack, Dictionary, Engine,
    excerpt, highlights, snippet, cardMatches, pieces,
  };
  if (typeof module === 'object' && module.exports) {
    module.exports = api;
    return;
  }
  if (typeof document === 'undefined') return;

  // ---- The page: form, filters, results, address, history ----

  const form = document.getElementById('tim-kiem');
  if (!form || !window.fetch) return;
  const input = form.querySelector('input[type="search"]');
  const filtersBox = document.getElementById('tim-kiem-loc');
  const status = document.getElementById('tim-kiem-trang-thai');
  const results = document.getElementById('tim-kiem-ket-qua');
  const gallery = document.getElementById('ket-qua');
  const lead = document.getElementById('mo-hinh-gioi-thieu');
  const leadText = lead ? lead.textContent : '';
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
  /** `text` with the parts in `spans` in <mark>. */
  const markedText = (text, spans) =>
    pieces(text, spans).map((p) => (p.mark ? el('mark', null, p.text) : document.createTextNode(p.text)));

  let engine = null;
  let generation = 0;
  let shown = PAGE;
  let last = null;
  /** Whether the current query already has its own history entry (typing replaces it). */
  let typing = false;
  const boxes = new Map();
  const toggle = el('button', { type: 'button', class: 'filters-toggle', 'aria-expanded': 'false', 'aria-controls': 'tim-kiem-loc' }, 'Bộ lọc (0)');

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
      typing = false;
      update('push');
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

  /** Puts the query and filters in the address: a new history entry (`push`) or the same one. */
  function remember(mode) {
    const params = new URLSearchParams();
    if (input.value.trim()) params.set('q', input.value.trim());
    for (const box of form.querySelectorAll('input[type="checkbox"]:checked')) params.append(box.name, box.value);
    const query = params.toString();
    const url = location.pathname + (query ? '?' + query : '') + location.hash;
    if (url === location.pathname + location.search + location.hash) return;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(history.state, '', url);
  }

  /**
   * Remembers, in the current history entry, how many results are shown and where the page is:
   * the first card in view and how far it is from the top (cards may change height while their
   * passages arrive, so a card is a steadier mark than a number of pixels).
   */
  function rememberPlace() {
    const cards = document.querySelectorAll(results.hidden ? '#ket-qua .card' : '#tim-kiem-ket-qua .card');
    const first = [...cards].find((c) => c.getBoundingClientRect().bottom > 0);
    const anchor = first ? { id: first.dataset.id, top: first.getBoundingClientRect().top } : null;
    history.replaceState({ shown, scroll: window.scrollY, anchor }, '');
  }

  /** Scrolls back to a place [`rememberPlace`] stored. */
  function returnTo(place) {
    const list = results.hidden ? '#ket-qua' : '#tim-kiem-ket-qua';
    const card = place.anchor && document.querySelector(list + ' .card[data-id="' + CSS.escape(place.anchor.id) + '"]');
    if (card) window.scrollBy(0, card.getBoundingClientRect().top - place.anchor.top);
    else if (typeof place.scroll === 'number') window.scrollTo(0, place.scroll);
  }

  function card(item, terms, level, group) {
    const retired = engine.isRetired(item.doc);
    const statusValue = engine.statusFacet && engine.valuesOf(engine.statusFacet, item.doc)[0];
    const label = statusValue === undefined ? null : engine.statusFacet.values[statusValue];
    const found = cardMatches(item, terms, group);
    const meta = el('p', { class: 'card-meta' });
    for (const [part, marks] of [[item.unit, found.unit], [item.subject, found.subject]]) {
      if (part) meta.append(el('span', null, ...markedText(part, marks.spans)));
    }
    const summary = el('p', { class: 'card-summary' });
    const fromSummary = found.summary;
    const show = (passage) => summary.replaceChildren(...markedText(passage.text, passage.spans));
    show(fromSummary || { text: excerpt(item.summary), spans: [] });
    // A phrase found only in the body (or terms found nowhere shown): its passage is fetched
    // when the card comes into view.
    const needsBody = found.needsBody;
    const node = el('li', { class: 'card' + (retired ? ' card-retired' : ''), 'data-id': item.id },
      el('h' + level, { class: 'card-title' }, el('a', { href: base + 'mo-hinh/' + item.id + '/' }, ...markedText(item.title, found.title.spans))),
      meta,
      item.summary || needsBody ? summary : null,
      label ? el('p', { class: 'badges' }, el('span', { class: 'badge status-' + label.code }, label.label)) : null);
    if (needsBody) {
      bodies.set(node, () => bodyText(item.id).then((text) => {
        const passage = snippet(text, terms);
        if (passage && (passage.phrase || !fromSummary)) show(passage);
      }).catch(() => {}));
      if (observer) observer.observe(node);
      else bodies.get(node)();
    }
    return node;
  }

  /**
   * The body of a model, one block a line, read from its page (the `.prose` sections of the
   * theme's model.html): the page is what the reader opens next, so the browser keeps it.
   */
  function bodyText(id) {
    return fetch(base + 'mo-hinh/' + id + '/').then((r) => {
      if (!r.ok) throw new Error(r.status + ' ' + id);
      return r.text();
    }).then((html) => {
      const page = new DOMParser().parseFromString(html, 'text/html');
      const lines = [];
      for (const prose of page.querySelectorAll('main .prose')) {
        for (const block of prose.querySelectorAll('p, li, h2, h3, h4, h5, h6, td, th, dt, dd, pre')) {
          if (!block.querySelector('p, li')) lines.push(block.textContent.replace(/\s+/g, ' ').trim());
        }
      }
      return lines.join('\n');
    });
  }

  /** Cards waiting for the passage of their body, and who fetches it when they come into view. */
  const bodies = new WeakMap();
  const observer = 'IntersectionObserver' in window
    ? new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        const fetchBody = bodies.get(entry.target);
        if (fetchBody) fetchBody();
      }
    }, { rootMargin: '200px 0px' })
    : null;

  /** "Bộ lọc (n)": how many filters are on. */
  function countFilters() {
    toggle.textContent = 'Bộ lọc (' + form.querySelectorAll('input[type="checkbox"]:checked').length + ')';
  }

  async function render(outcome, mine) {
    const { results: docs, missing, terms, phrase } = outcome;
    for (const [i, facet] of engine.facets.entries()) {
      facet.values.forEach((_, v) => {
        const count = boxes.get(facet.key + '\u0000' + v);
        if (count) count.textContent = '(' + outcome.counts[i][v] + ')';
      });
    }
    countFilters();
    const active = outcome.queried || outcome.filtered;
    results.hidden = !active;
    if (gallery) gallery.hidden = active;
    for (const nav of paging) nav.hidden = active;
    if (!active) {
      results.replaceChildren();
      status.textContent = '';
      if (lead) lead.textContent = leadText;
      return;
    }
    const items = await engine.display(docs.slice(0, shown));
    if (mine !== generation) return;
    const asTyped = input.value.trim();
    // Two groups when the query has two syllables or more: the phrase, then "Kết quả gần đúng".
    const grouped = terms.length > 1 && phrase < docs.length;
    const level = grouped ? 3 : 2;
    const children = [];
    if (!docs.length) {
      const why = missing.length ? ' Không có mô hình nào chứa “' + missing.join('”, “') + '”.' : '';
      children.push(el('p', { class: 'search-empty' }, 'Không tìm thấy mô hình phù hợp.' + why));
    } else if (grouped) {
      const exact = items.slice(0, phrase);
      const near = items.slice(phrase);
      if (exact.length) {
        children.push(el('h2', { class: 'results-heading' }, 'Có đúng cụm từ “' + asTyped + '”'));
        children.push(el('ul', { class: 'cards', role: 'list' }, ...exact.map((item) => card(item, terms, level, true))));
      }
      if (near.length) {
        children.push(el('h2', { class: 'results-heading', id: 'ket-qua-gan-dung' }, 'Kết quả gần đúng'));
        children.push(el('p', { class: 'results-note' }, phrase
          ? 'Có đủ các từ nhưng không đứng liền nhau theo thứ tự đã gõ.'
          : 'Không mô hình nào có các từ đứng liền nhau theo thứ tự đã gõ; đây là các mô hình có đủ các từ.'));
        children.push(el('ul', { class: 'cards', role: 'list' }, ...near.map((item) => card(item, terms, level, false))));
      }
    } else {
      children.push(el('ul', { class: 'cards', role: 'list' }, ...items.map((item) => card(item, terms, level, terms.length > 1))));
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
    const found = docs.length
      ? 'Tìm thấy ' + docs.length + ' mô hình' + (grouped && phrase ? ', ' + phrase + ' mô hình có đúng cụm từ' : '') + '.'
      : 'Không tìm thấy mô hình phù hợp.';
    status.textContent = found + (docs.length > shown ? ' Đang hiển thị ' + shown + ' mô hình đầu.' : '');
    if (lead) lead.textContent = found;
  }

  /**
   * Runs the search of the form and shows it. `mode`: `push` (a new history entry), `replace`
   * (the same entry, while typing) or nothing (the address already says it).
   */
  async function update(mode, keepShown) {
    const mine = ++generation;
    if (!keepShown) shown = PAGE;
    results.setAttribute('aria-busy', 'true');
    try {
      await ready;
      if (mode) remember(mode);
      const outcome = await engine.search(input.value, selection());
      if (mine !== generation) return;
      last = outcome;
      await render(outcome, mine);
    } catch (error) {
      if (mine === generation) status.textContent = 'Không tải được dữ liệu tìm kiếm, vui lòng thử lại.';
    }
    if (mine === generation) results.setAttribute('aria-busy', 'false');
  }

  let timer = 0;
  /** Typing: the first change of a query pushes a history entry, the next ones replace it. */
  const typed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      update(typing ? 'replace' : 'push');
      typing = true;
    }, DEBOUNCE_MS);
  };

  // The box works at once; filters appear when the facet table has arrived.
  const ready = new Engine(cachedLoad).init().then((loaded) => {
    engine = loaded;
    buildFilters();
    restore(true);
  });
  function start() {
    restore();
    input.closest('.search-box').after(toggle);
    toggle.addEventListener('click', () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      form.classList.toggle('filters-open', open);
    });
    form.hidden = false;
    input.addEventListener('input', typed);
    input.addEventListener('change', () => { typing = false; });
    form.addEventListener('change', (event) => {
      if (event.target.type !== 'checkbox') return;
      typing = false;
      update('push');
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(timer);
      update(typing ? 'replace' : 'push');
      typing = false;
    });
    window.addEventListener('popstate', () => {
      clearTimeout(timer);
      typing = false;
      restore();
      update(null);
    });
    // Leaving for a model page: remember the results shown and the scroll position, so that
    // coming back (without the browser's page cache) shows the same place.
    history.scrollRestoration = 'manual';
    document.addEventListener('click', (event) => { if (event.target.closest('.card a')) rememberPlace(); });
    window.addEventListener('pagehide', rememberPlace);
    const place = history.state;
    if (place && place.shown) shown = Math.max(PAGE, place.shown);
    // Fills the live counts, and shows the results of a shared address.
    update(null, true).then(() => {
      if (place) returnTo(place);
    });
  }

  start();
})();
