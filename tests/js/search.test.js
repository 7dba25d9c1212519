// Matching, ranking and filters of the gallery search, run on the index files of built sites.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { engine, unavailable, open, ids } = require('./sites.js');

const skip = unavailable() || false;
const ALL_STATUSES = ['ke_hoach', 'dang_thuc_hien', 'hoan_thanh', 'loai_bo'];

/** Every document's display data. */
async function everything(search) {
  return search.display([...Array(search.n).keys()]);
}

test('dictionary: exact and prefix lookups through leaf, split and skipped prefixes', async () => {
  // The plan of src/search/shards/tests.rs `an_entry_too_large_alone_keeps_its_own_shard`,
  // plus a leaf `t` and a bigram-like chain where `hoc ` has no shard of its own.
  const shards = {
    's-ha.json': { t: { ha: 'own' }, s: '12' },
    's-hai.json': { t: { hai: 'hai' } },
    's-han.json': { t: { han: 'han' } },
    's-t.json': { t: { tap: 'tap', tu: 'tu' } },
    's-hoc_t.json': { t: {}, s: '01' },
    's-hoc_ta.json': { t: { 'hoc tap': 'hoc tap' } },
    's-hoc_th.json': { t: { 'hoc theo': 'hoc theo' } },
  };
  const load = async (file) => shards[file.replace('x/', '')];
  const keys = { leaves: ['hai', 'han', 't', 'hoc ta', 'hoc th'], splits: ['ha', 'hoc t'] };
  const dict = new engine.Dictionary(keys, 'x/', load);
  assert.equal(await dict.exact('ha'), 'own');
  assert.equal(await dict.exact('hai'), 'hai');
  assert.equal(await dict.exact('hax'), undefined);
  assert.equal(await dict.exact('h'), undefined);
  assert.equal(await dict.exact('tu'), 'tu');
  assert.equal(await dict.exact('hoc tap'), 'hoc tap');
  assert.deepEqual(await dict.prefix('ha'), { key: 'ha', summary: '12', own: 'own' });
  assert.deepEqual(await dict.prefix('hai'), { key: 'hai', entries: [['hai', 'hai']] });
  assert.deepEqual(await dict.prefix('ta'), { key: 't', entries: [['tap', 'tap']] });
  assert.deepEqual(await dict.prefix('hoc t'), { key: 'hoc t', summary: '01', own: undefined });
  assert.deepEqual(await dict.prefix('hoc th'), { key: 'hoc th', entries: [['hoc theo', 'hoc theo']] });
  assert.deepEqual(await dict.prefix('x'), { key: null, entries: [] });
  // `hoc` has no shard (a single longer prefix below it): the shortest key below stands for it.
  assert.deepEqual(await dict.prefix('hoc'), { key: 'hoc t', summary: '01', own: undefined });
});

test('bundled site: every title typed without diacritics finds its model first', { skip }, async () => {
  const search = await open('bundled');
  const docs = await everything(search);
  assert.ok(docs.length >= 10, 'the bundled site has models');
  for (const doc of docs) {
    const query = engine.fold(doc.title);
    const found = await ids(search, query, { 'trang-thai': ALL_STATUSES });
    assert.equal(found[0], doc.id, `"${query}" → ${found.slice(0, 3).join(', ')}`);
  }
});

test('bundled site: đ typed as d finds the models with it', { skip }, async () => {
  const search = await open('bundled');
  const docs = await everything(search);
  let words = 0;
  for (const doc of docs) {
    for (const word of doc.title.split(/\s+/).filter((w) => /[đĐ]/.test(w))) {
      const folded = engine.fold(word).replace(/[^a-z0-9]/g, '');
      const found = await ids(search, folded + ' ', { 'trang-thai': ALL_STATUSES });
      assert.ok(found.includes(doc.id), `"${folded}" finds ${doc.id}`);
      words++;
    }
  }
  assert.ok(words >= 3, 'titles of the bundled site have words with đ');
  const found = await ids(search, 'doi thoai doanh nghiep');
  assert.equal(found[0], 'mh-doi-thoai-doanh-nghiep');
  assert.ok((await ids(search, 'dao duc')).length >= 1);
});

test('bundled site: a phrase typed exactly ranks the model holding it first', { skip }, async () => {
  const search = await open('bundled');
  assert.equal((await ids(search, 'Lương y phải như từ mẫu'))[0], 'mh-luong-y-nhu-tu-mau');
  assert.equal((await ids(search, 'không nhận phong bì'))[0], 'mh-luong-y-nhu-tu-mau');
  // Two titles hold this one (the 2026–2030 model carries on the 2021–2025 one): both, alone.
  const buaCom = await ids(search, 'bữa cơm nghĩa tình');
  assert.deepEqual(new Set(buaCom), new Set(['mh-bua-com-nghia-tinh', 'mh-bua-com-nghia-tinh-2026']));
  assert.equal(buaCom.outcome.phrase, 2);
  assert.equal((await ids(search, 'luong y phai nhu tu m'))[0], 'mh-luong-y-nhu-tu-mau', 'last syllable as a prefix');
});

test('bundled site: a nonsense word gives no result and is named', { skip }, async () => {
  const search = await open('bundled');
  const none = await ids(search, 'xqzwv');
  assert.deepEqual([...none], []);
  assert.deepEqual(none.outcome.missing, ['xqzwv']);
  // A term matching nothing is never dropped: the whole query finds nothing.
  const mixed = await ids(search, 'lương y xqzwv');
  assert.deepEqual([...mixed], []);
  assert.deepEqual(mixed.outcome.missing, ['xqzwv']);
});

test('bundled site: retired models only with the "Đã dừng (loại bỏ)" filter', { skip }, async () => {
  const search = await open('bundled');
  const hidden = await ids(search, 'hop thu gop y nguoi benh');
  assert.ok(!hidden.includes('mh-hop-thu-gop-y-nguoi-benh'));
  const shown = await ids(search, 'hop thu gop y nguoi benh', { 'trang-thai': ['loai_bo'] });
  assert.deepEqual([...shown], ['mh-hop-thu-gop-y-nguoi-benh']);
});

test('fixture: exact diacritics rank above folded ones', { skip }, async () => {
  const search = await open('fixture');
  const dan = await ids(search, 'dân ');
  assert.deepEqual(dan.slice(0, 1), ['mh-dan-van-kheo']);
  const dat = await ids(search, 'dẫn ');
  assert.equal(dat[0], 'mh-dan-dat-hoc-sinh');
  const folded = await ids(search, 'dan ');
  assert.ok(folded.includes('mh-dan-van-kheo') && folded.includes('mh-dan-dat-hoc-sinh'));
});

test('fixture: adjacent syllables rank above scattered ones', { skip }, async () => {
  const search = await open('fixture');
  // mh-giu-gin-tai-san says "tiết kiệm" and "điện" more often, never side by side.
  const found = await ids(search, 'tiết kiệm điện');
  assert.deepEqual(found.slice(0, 2), ['mh-van-phong-xanh', 'mh-giu-gin-tai-san']);
  assert.deepEqual((await ids(search, 'tiet kiem dien')).slice(0, 2), ['mh-van-phong-xanh', 'mh-giu-gin-tai-san']);
});

test('fixture: subject and unit names are searched', { skip }, async () => {
  const search = await open('fixture');
  assert.deepEqual([...(await ids(search, 'nguyen thi dao'))], ['mh-luong-y-nhu-tu-mau']);
  assert.equal((await ids(search, 'phong kiem tra thue'))[0], 'mh-van-phong-xanh');
  assert.equal((await ids(search, 'Y học cổ truyền'))[0], 'mh-luong-y-nhu-tu-mau');
});

test('fixture: the last syllable matches as a prefix, the others exactly', { skip }, async () => {
  const search = await open('fixture');
  assert.equal((await ids(search, 'van phong x'))[0], 'mh-van-phong-xanh');
  assert.deepEqual([...(await ids(search, 'van pho x'))], [], '"pho" is not "phong"');
  assert.ok((await ids(search, 'tie')).includes('mh-van-phong-xanh'));
  assert.deepEqual([...(await ids(search, 'tie '))], []);
});

test('fixture: filters combine with AND across facets and OR within one', { skip }, async () => {
  const search = await open('fixture');
  const saving = await ids(search, '', { nhom: ['tiet-kiem-doan-ket'] });
  // Documents in gallery order (Vietnamese title order) when there is no query.
  assert.deepEqual([...saving], ['mh-van-phong-xanh', 'mh-giu-gin-tai-san'].sort(byTitle(await everything(search))));
  assert.equal((await ids(search, '', { nhom: ['tiet-kiem-doan-ket', 'tuyen-truyen-van-dong'] })).length, 3);
  // The base unit of a chi bộ trực thuộc's model is its đảng bộ cơ sở.
  assert.equal((await ids(search, '', { 'don-vi': ['db-cuc-thue'] })).length, 2);
  assert.deepEqual([...(await ids(search, '', { 'linh-vuc': ['thue_tai_chinh'], 'chu-the': ['ca_nhan'] }))], []);
  assert.deepEqual([...(await ids(search, 'dan', { nhom: ['tuyen-truyen-van-dong'] }))], ['mh-dan-van-kheo']);
  // Years are the years a model is active.
  assert.deepEqual([...(await ids(search, '', { nam: ['2021'], 'trang-thai': ALL_STATUSES }))].sort(), [
    'mh-dan-dat-hoc-sinh',
    'mh-hop-thu-gop-y',
  ]);
});

function byTitle(docs) {
  const order = new Map(docs.map((d, i) => [d.id, i]));
  return (a, b) => order.get(a) - order.get(b);
}

test('fixture: live counts leave out each facet\'s own choice and hide retired models', { skip }, async () => {
  const search = await open('fixture');
  const counts = (outcome, key) => {
    const i = search.facets.findIndex((f) => f.key === key);
    return Object.fromEntries(search.facets[i].values.map((v, j) => [v.code, outcome.counts[i][j]]));
  };
  const plain = (await ids(search, '')).outcome;
  assert.equal(plain.queried || plain.filtered, false);
  assert.deepEqual(counts(plain, 'trang-thai'), { ke_hoach: 1, dang_thuc_hien: 3, hoan_thanh: 1, loai_bo: 1 });
  assert.equal(counts(plain, 'nhom')['cai-cach-hanh-chinh'], 0, 'the only model of the group is retired');
  const chosen = (await ids(search, '', { nhom: ['tiet-kiem-doan-ket'] })).outcome;
  assert.equal(counts(chosen, 'nhom')['tuyen-truyen-van-dong'], 1, 'other values of a chosen facet still count');
  assert.deepEqual(counts(chosen, 'linh-vuc'), { thue_tai_chinh: 2, y_te: 0, giao_duc: 0 });
  const retired = (await ids(search, '', { 'trang-thai': ['loai_bo'] })).outcome;
  assert.equal(counts(retired, 'nhom')['cai-cach-hanh-chinh'], 1);
  assert.equal(search.facets.find((f) => f.key === 'trang-thai').values.at(-1).label, 'Đã dừng (loại bỏ)');
});

test('large site: split shards, prefix summaries and exact lookups agree with a full scan', { skip }, async () => {
  const search = await open('large');
  assert.ok(search.n > 600);
  assert.ok(search.meta.terms.splits.length > 0, 'the dictionary is split');
  // Every term with its documents, read from every leaf and split shard.
  const terms = new Map();
  for (const key of [...search.meta.terms.leaves, ...search.meta.terms.splits]) {
    const shard = await search.load('shards/' + engine.fileName(key));
    for (const [term, entry] of Object.entries(shard.t)) {
      const docs = new Set();
      engine.decode(entry.f, (d) => docs.add(d));
      terms.set(term, docs);
    }
  }
  const scan = (prefix) => {
    const docs = new Set();
    for (const [term, set] of terms) if (term.startsWith(prefix)) for (const d of set) docs.add(d);
    return docs;
  };
  const all = { 'trang-thai': ALL_STATUSES };
  for (const prefix of ['t', 'th', 'ng', 'd', 'x', '1', search.meta.terms.splits[0]]) {
    const found = await ids(search, prefix, all);
    assert.deepEqual(new Set(found.outcome.results), scan(prefix), `prefix "${prefix}"`);
  }
  for (const term of ['thue', 'xanh', 'dan', '17']) {
    const found = await ids(search, term + ' ', all);
    assert.deepEqual(new Set(found.outcome.results), terms.get(term), `term "${term}"`);
  }
  const title = (await search.display([search.n - 1]))[0];
  assert.equal((await ids(search, engine.fold(title.title), all))[0], title.id);
});

/** The ids of the phrase group and of the rest ("Kết quả gần đúng"). */
async function groups(search, query, filters) {
  const found = await ids(search, query, filters);
  return { phrase: found.slice(0, found.outcome.phrase), near: found.slice(found.outcome.phrase) };
}

test('phrase first: syllables side by side, in order, in any field, before the others', { skip }, async () => {
  const search = await open('phrase');
  // mh-p-tach-roi has all three syllables, never side by side: it comes last, apart.
  const typed = await groups(search, 'chống lãng phí');
  assert.deepEqual(typed.phrase, ['mh-p-tieu-de', 'mh-p-than-bai', 'mh-p-khong-dau']);
  assert.deepEqual(typed.near, ['mh-p-tach-roi']);
  // Without diacritics the same group; the title beats the body.
  const folded = await groups(search, 'chong lang phi');
  assert.deepEqual(folded.phrase[0], 'mh-p-tieu-de');
  assert.deepEqual(new Set(folded.phrase), new Set(typed.phrase));
  assert.deepEqual(folded.near, ['mh-p-tach-roi']);
  // The last syllable is still a prefix while typing.
  assert.deepEqual((await groups(search, 'chong lang ph')).phrase.length, 3);
  // Out of order is not the phrase.
  const reversed = await groups(search, 'lang phi chong');
  assert.deepEqual(reversed.phrase, []);
  assert.equal(reversed.near.length, 4);
});

test('phrase first: exact diacritics rank higher within the group', { skip }, async () => {
  const search = await open('phrase');
  // mh-p-khong-dau says "chồng lăng phí": the same folded phrase, other diacritics.
  const typed = await groups(search, 'chống lãng phí');
  assert.equal(typed.phrase.at(-1), 'mh-p-khong-dau');
  const other = await groups(search, 'chồng lăng phí');
  assert.equal(other.phrase[0], 'mh-p-khong-dau');
});

test('phrase first on the bundled site: the queries readers type', { skip }, async () => {
  const search = await open('bundled');
  // Three models say "một cửa" (two in their titles, one in its body); "cua" is also "của",
  // in nearly every model.
  const motCua = await groups(search, 'mot cua');
  assert.deepEqual(motCua.phrase, ['mh-mot-cua-than-thien', 'mh-mot-cua-so-than-thien', 'mh-don-tiep-nguoi-benh-than-thien']);
  assert.ok(motCua.near.length >= 8);
  // "Dân vận" in a summary first, then in a quote or a body (with the topic "Dân vận").
  const danVan = await groups(search, 'dan van');
  assert.deepEqual(danVan.phrase.slice(0, 2), ['mh-dong-hanh-ho-kinh-doanh', 'mh-doi-thoai-doanh-nghiep']);
  assert.deepEqual(danVan.phrase.slice(2), ['mh-gop-y-qr-kham-benh', 'mh-cham-soc-nguoi-benh-cao-tuoi', 'mh-gop-y-qr-nguoi-benh']);
  // The school "Trường THPT Phú Hòa": its models (its chi bộ's included) before a hospital
  // model that mentions Phú Hòa in its body.
  const phuHoa = await groups(search, 'phu hoa');
  assert.deepEqual(new Set(phuHoa.phrase.slice(0, 4)),
    new Set(['mh-goc-hoc-tap-bac-ho', 'mh-goc-hoc-tap-bac-ho-so', 'mh-nang-buoc-em-den-truong', 'mh-sinh-hoat-chi-bo-truong-hoc']));
  assert.deepEqual(phuHoa.phrase.slice(4), ['mh-sinh-hoat-chi-bo-chuyen-de']);
  // A person's name (cá nhân) and a model id.
  assert.deepEqual([...(await ids(search, 'tran quoc bao'))], ['mh-doi-thoai-doanh-nghiep']);
  assert.deepEqual([...(await ids(search, 'sa rinh'))], ['mh-nang-buoc-em-den-truong']);
  assert.equal((await ids(search, 'mh-luong-y-nhu-tu-mau'))[0], 'mh-luong-y-nhu-tu-mau');
  // A single syllable found everywhere: the model with it in its title first.
  assert.equal((await ids(search, 'kiem'))[0], 'mh-doan-kiem-tra-liem-chinh');
});

test('a unit typed without diacritics puts its models, its chi bộ\'s included, first', { skip }, async () => {
  const search = await open('fixture');
  // mh-giu-gin-tai-san is the đảng bộ's own, mh-van-phong-xanh its chi bộ's.
  assert.deepEqual(new Set((await groups(search, 'cuc thue')).phrase), new Set(['mh-giu-gin-tai-san', 'mh-van-phong-xanh']));
  const school = await groups(search, 'phu hoa');
  assert.deepEqual(new Set(school.phrase), new Set(['mh-dan-van-kheo', 'mh-dan-dat-hoc-sinh']));
});

test('highlights: the phrase as one mark, else each syllable found', () => {
  const terms = engine.parseQuery('dan van ');
  assert.deepEqual(engine.highlights('Dân vận khéo, dân gian vận động', terms), { phrase: true, spans: [[0, 7]], found: 2 });
  assert.deepEqual(engine.highlights('Dân gian, vận động', terms), { phrase: false, spans: [[0, 3], [10, 13]], found: 2 });
  // The last syllable typed is a prefix.
  assert.deepEqual(engine.highlights('Dân vận', engine.parseQuery('dan va')).spans, [[0, 7]]);
  const parts = engine.pieces('Học tập dân vận khéo', [[8, 15]]);
  assert.deepEqual(parts, [{ text: 'Học tập ', mark: false }, { text: 'dân vận', mark: true }, { text: ' khéo', mark: false }]);
});

test('snippets come from where the phrase is, cut at word boundaries', () => {
  const terms = engine.parseQuery('dan van ');
  const long = 'Mở đầu bằng một câu thật dài kể về nhiều việc khác nhau của cơ quan trong năm, '
    + 'rồi mới nói tới công tác dân vận khéo ở khu dân cư, sau đó còn kể thêm nhiều việc nữa để câu đủ dài mà phải cắt.';
  const text = 'Dân gian có câu hay.\n' + long;
  const passage = engine.snippet(text, terms, 80);
  assert.equal(passage.phrase, true, 'the line with the phrase wins over one with the words apart');
  assert.ok(passage.text.startsWith('…') && passage.text.endsWith('…'), passage.text);
  assert.ok([...passage.text].length <= 82, passage.text);
  const [a, b] = passage.spans[0];
  assert.equal(passage.text.slice(a, b), 'dân vận');
  // Cut at spaces: the passage is made of whole words of the line.
  for (const word of passage.text.replace(/…/g, '').split(' ')) assert.ok(long.split(' ').includes(word), word);
  assert.equal(engine.snippet('Không có gì ở đây.', terms), null);
  assert.equal(engine.excerpt('một hai ba bốn năm sáu', 12), 'một hai ba…');
});
