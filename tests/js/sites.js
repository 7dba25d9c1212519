// Built sites for the search tests: the bundled site (repo root), the search fixture
// (tests/sites/search, with a sub-path base_url) and a large copy of the fixture (enough
// models for split shards). Built once per process with the real binary: $GUONG_BIN, else
// target/debug/guong. `tests/search_js.rs` runs these tests from `cargo test`.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const repo = path.resolve(__dirname, '..', '..');
const engine = require(path.join(repo, 'themes', 'default', 'static', 'search.js'));
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'guong-search-'));
process.on('exit', () => fs.rmSync(scratch, { recursive: true, force: true }));

/** The binary to build with, or null when there is none. */
function binary() {
  const candidate = process.env.GUONG_BIN || path.join(repo, 'target', 'debug', 'guong');
  return fs.existsSync(candidate) ? candidate : null;
}

/** Why the site tests cannot run, or null. */
function unavailable() {
  return binary() ? null : 'no guong binary (run `cargo build` or set GUONG_BIN)';
}

function build(root, name) {
  const output = path.join(scratch, name);
  execFileSync(binary(), ['build', '--root', root, '--output', output], { stdio: ['ignore', 'ignore', 'pipe'] });
  return output;
}

function copyDir(from, to) {
  fs.cpSync(from, to, { recursive: true });
}

/** The fixture with `count` extra models, copies of its own with new ids and titles. */
function largeRoot(count) {
  const root = path.join(scratch, 'large-root');
  copyDir(path.join(repo, 'tests', 'sites', 'search'), root);
  const folder = path.join(root, 'content', 'mo-hinh');
  const sources = fs.readdirSync(folder).filter((f) => f.endsWith('.md')).sort();
  const words = ['mùa', 'xuân', 'nắng', 'sớm', 'đồng', 'lúa', 'biển', 'xanh', 'rừng', 'tràm', 'phố', 'núi'];
  for (let i = 0; i < count; i++) {
    const source = sources[i % sources.length];
    const text = fs.readFileSync(path.join(folder, source), 'utf8');
    const id = 'mh-ban-sao-' + String(i).padStart(4, '0');
    const extra = words[i % words.length] + ' ' + words[(i * 7) % words.length] + ' số ' + i;
    const copy = text
      .replace(/^id: .*$/m, 'id: ' + id)
      .replace(/^title: "(.*)"$/m, (_, title) => 'title: "' + title + ' – ' + extra + '"')
      .replace(/^status: loai_bo$/m, 'status: dang_thuc_hien')
      .replace(/^retirement:\n(  .*\n)+/m, '');
    fs.writeFileSync(path.join(folder, id + '.md'), copy);
  }
  return root;
}

/**
 * Models written for the phrase tests, added to the fixture: `{id, title, body, org}` each, the
 * rest copied from mh-dan-van-kheo.md (`body` replaces its "Hiệu quả" section).
 */
const PHRASE_MODELS = [
  { id: 'mh-p-tieu-de', title: 'Chống lãng phí trong chi tiêu công', body: 'Tiết kiệm từng khoản chi nhỏ, công khai mọi khoản chi lớn của cơ quan.' },
  { id: 'mh-p-than-bai', title: 'Văn phòng gọn gàng, ngăn nắp', body: 'Cả cơ quan cùng thực hành chống lãng phí điện, nước và giấy in mỗi ngày.' },
  { id: 'mh-p-khong-dau', title: 'Giữ gìn nếp nhà', body: 'Bà con kể chuyện người chồng lăng xăng phí công sức, rồi chồng lăng phí tiền bạc ra sao.' },
  { id: 'mh-p-tach-roi', title: 'Chống tham nhũng vặt', body: 'Không để xảy ra lãng phí; mọi khoản phí thu đều công khai, chống mọi biểu hiện tiêu cực.' },
];

function phraseRoot() {
  const root = path.join(scratch, 'phrase-root');
  copyDir(path.join(repo, 'tests', 'sites', 'search'), root);
  const folder = path.join(root, 'content', 'mo-hinh');
  const template = fs.readFileSync(path.join(folder, 'mh-dan-van-kheo.md'), 'utf8');
  for (const model of PHRASE_MODELS) {
    const text = template
      .replace(/^id: .*$/m, 'id: ' + model.id)
      .replace(/^title: .*$/m, 'title: "' + model.title + '"')
      .replace(/(## 4\. Hiệu quả\n\n).*\n/, (_, heading) => heading + model.body + '\n');
    fs.writeFileSync(path.join(folder, model.id + '.md'), text);
  }
  return root;
}

const built = new Map();
/** The output folder of site `name` (`bundled`, `fixture`, `large`, `phrase`), built on first use. */
function site(name) {
  if (!built.has(name)) {
    const roots = {
      bundled: () => repo,
      fixture: () => path.join(repo, 'tests', 'sites', 'search'),
      large: () => largeRoot(600),
      phrase: phraseRoot,
    };
    built.set(name, build(roots[name](), name));
  }
  return built.get(name);
}

/** A search engine over the index of a built site, counting the bytes it reads. */
async function open(name) {
  const index = path.join(site(name), 'tim-kiem');
  const read = { files: [], bytes: 0 };
  const load = async (file) => {
    const bytes = fs.readFileSync(path.join(index, file));
    read.files.push(file);
    read.bytes += bytes.length;
    return JSON.parse(bytes.toString('utf8'));
  };
  const search = await new engine.Engine(load).init();
  search.read = read;
  return search;
}

/** Ids of the results of a query (best first), with filters `{key: [codes]}`. */
async function ids(search, query, filters = {}) {
  const selected = new Map(Object.entries(filters).map(([k, v]) => [k, new Set(v)]));
  const outcome = await search.search(query, selected);
  const items = await search.display(outcome.results);
  return Object.assign(items.map((item) => item.id), { outcome });
}

module.exports = { repo, engine, scratch, unavailable, site, open, ids };
