// The script folds and splits text exactly as the index builder does: both read the shared
// vectors of tests/vectors/fold.json (the Rust side in src/search/fold/tests.rs and
// src/search/tokenize/tests.rs).
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { engine, repo } = require('./sites.js');

const vectors = JSON.parse(fs.readFileSync(path.join(repo, 'tests', 'vectors', 'fold.json'), 'utf8'));

test('fold matches every shared vector', () => {
  assert.ok(vectors.vectors.length >= 10);
  for (const [input, folded] of vectors.vectors) assert.equal(engine.fold(input), folded, JSON.stringify(input));
});

test('folded syllables match every shared vector', () => {
  assert.ok(vectors.syllables.length >= 5);
  for (const [input, syllables] of vectors.syllables) {
    assert.deepEqual(engine.syllables(input), syllables, JSON.stringify(input));
  }
});

test('the last syllable is a prefix only while it is being typed', () => {
  const typed = engine.parseQuery('Đạo đức cách m');
  assert.deepEqual(typed.map((t) => [t.folded, t.exact, t.prefix]), [
    ['dao', 'đạo', false],
    ['duc', 'đức', false],
    ['cach', 'cách', false],
    ['m', 'm', true],
  ]);
  assert.equal(engine.parseQuery('dan van ').at(-1).prefix, false);
  assert.equal(engine.parseQuery('dan van,').at(-1).prefix, false);
  assert.deepEqual(engine.parseQuery('  …  '), []);
});

test('shard file names follow the builder', () => {
  assert.equal(engine.fileName(''), 's-.json');
  assert.equal(engine.fileName('hoc t'), 's-hoc_t.json');
  assert.equal(engine.fileName('中'), 'h-e4b8ad.json');
});

test('posting lists decode in both forms', () => {
  const seen = [];
  engine.decode('1c0ZA', (d, v) => seen.push([d, v]));
  assert.deepEqual(seen, [[0, 1], [1, 12], [3, 61], [4, 36]]);
  // The strings of src/search/postings/tests.rs: `~`, the gap width, then gap and value.
  const sparse = [];
  engine.decode('~1317211', (d, v) => sparse.push([d, v]));
  assert.deepEqual(sparse, [[3, 1], [10, 2], [11, 1]]);
  const wide = [];
  engine.decode('~2053181ZZ9', (d, v) => wide.push([d, v]));
  assert.deepEqual(wide, [[5, 3], [75, 1], [3918, 9]]);
});

test('packed columns unpack at their width', () => {
  assert.deepEqual(engine.unpack({ w: 1, s: '05Z' }), [0, 5, 61]);
  assert.deepEqual(engine.unpack({ w: 2, s: '1001ZZ' }), [62, 1, 3843]);
  assert.deepEqual(engine.unpack({ w: 3, s: '100' }), [3844]);
});
