// The browser editor (SPEC §8.5) in headless Chromium: Decap CMS from the npm package
// (`npm ci` installs the pinned bundle) against `guong serve` on a copy of the minimal
// fixture. Creates a model through the form, saves an unchanged model, a DD/MM/YYYY date and
// a report edit, and checks what lands on disk with `guong check`. With GUONG_SCREENSHOTS=DIR it also
// saves the README's screenshots there.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { spawn, execFileSync } = require('node:child_process');
const readline = require('node:readline');

const repo = path.resolve(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const BIN = process.env.GUONG_BIN || path.join(repo, 'target', 'debug', 'guong');
const BUNDLE = path.join(repo, 'node_modules', 'decap-cms', 'dist');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run'];
const SHOTS = process.env.GUONG_SCREENSHOTS;

function load(name) {
  try {
    return require(name);
  } catch {
    return null;
  }
}
const playwright = load('playwright-core');
const YAML = load('yaml');

const skip = (fs.existsSync(BIN) ? null : `no guong binary at ${BIN} (cargo build or GUONG_BIN)`)
  || (fs.existsSync(CHROMIUM) ? null : `no ${CHROMIUM} (apt-get install chromium)`)
  || (playwright && YAML && fs.existsSync(path.join(BUNDLE, 'decap-cms.js')) ? null : 'no decap-cms or playwright-core (npm ci)')
  || false;

/** Serves the Decap bundle on 127.0.0.1 with CORS (the page loads it with an integrity hash). */
function serveBundle() {
  const server = http.createServer((request, response) => {
    const name = path.basename(new URL(request.url, 'http://x').pathname);
    const file = path.join(BUNDLE, name);
    if (!/^[\w.-]+$/.test(name) || !fs.existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    const type = name.endsWith('.js') ? 'text/javascript' : name.endsWith('.css') ? 'text/css' : 'application/octet-stream';
    response.writeHead(200, { 'content-type': type, 'access-control-allow-origin': '*' });
    response.end(fs.readFileSync(file));
  });
  // Unreferenced: a test failing before it closes the server must not keep node running.
  server.unref();
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${server.address().port}/decap-cms.js`,
    close: () => new Promise((done) => server.close(done)),
  })));
}

/** `guong serve` on a free port; resolves to {origin, stop}. */
function serveSite(root) {
  const child = spawn(BIN, ['--root', root, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const found = line.match(/^Đang phục vụ tại (http:\/\/[^/]+)\//);
      if (found) resolve({ origin: found[1], stop: () => child.kill() });
    });
    child.on('exit', (code) => reject(new Error(`guong serve stopped (${code})`)));
  });
}

/** `guong check --format json` of the site: diagnostics by path. */
function check(root) {
  let out;
  try {
    out = execFileSync(BIN, ['--root', root, 'check', '--format', 'json'], { encoding: 'utf8' });
  } catch (error) {
    out = error.stdout;
  }
  const byPath = new Map();
  for (const d of JSON.parse(out).diagnostics) {
    if (!byPath.has(d.path)) byPath.set(d.path, []);
    byPath.get(d.path).push(d);
  }
  return byPath;
}

/** The front matter of a Markdown file, parsed, and its body. */
function frontMatter(text) {
  const [, yaml, body] = text.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/);
  return { data: YAML.parse(yaml), body };
}

/** Waits until `file` holds something other than `before` (saves are asynchronous). */
async function changed(file, before) {
  for (let i = 0; i < 100; i++) {
    if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') !== before) return fs.readFileSync(file, 'utf8');
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${file} was not saved`);
}

test('editing in the browser with Decap CMS', { skip }, async (t) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'guong-cms-'));
  fs.cpSync(path.join(repo, 'tests', 'sites', 'minimal'), root, { recursive: true });
  const bundle = await serveBundle();
  const integrity = 'sha384-' + crypto.createHash('sha384').update(fs.readFileSync(path.join(BUNDLE, 'decap-cms.js'))).digest('base64');
  fs.appendFileSync(path.join(root, 'site.yml'),
    `cms:\n  backend: github\n  repo: btg/mo-hinh\n  script_url: "${bundle.url}"\n  script_integrity: "${integrity}"\n`);
  const before = check(root);
  const site = await serveSite(root);
  const browser = await playwright.chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  page.setDefaultTimeout(15000);
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const field = (name, within = page) => within.locator(`[id^="${name}-field-"]`).first();
  const choose = async (name, text, within) => {
    await field(name, within).click();
    await page.keyboard.type(text);
    await page.locator('[class*="option"]', { hasText: text }).first().click();
  };
  const add = async (list) => {
    const container = field(list);
    await container.locator('button', { hasText: /^Add / }).first().click();
    return container;
  };
  const publish = async () => {
    await page.getByRole('button', { name: 'Công bố' }).click();
    await page.getByText('Công bố ngay').click();
  };
  // A fresh page load per form: the editor keeps nothing of the previous one.
  const open = async (hash) => {
    await page.goto('about:blank');
    await page.goto(site.origin + '/admin/' + hash);
  };
  const shot = async (name) => {
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, name), type: 'png' });
  };

  try {
    await t.test('the pinned bundle is the npm copy the tests load', () => {
      const pinned = fs.readFileSync(path.join(repo, 'src', 'content', 'site_config.rs'), 'utf8');
      assert.ok(pinned.includes(`"${integrity}"`), 'DECAP_SCRIPT_INTEGRITY is the hash of node_modules/decap-cms/dist/decap-cms.js');
      const version = JSON.parse(fs.readFileSync(path.join(repo, 'node_modules', 'decap-cms', 'package.json'), 'utf8')).version;
      assert.ok(pinned.includes(`decap-cms@${version}/dist/decap-cms.js`), `DECAP_SCRIPT_URL pins ${version}`);
    });

    await t.test('the editor opens on the local backend with every collection', async () => {
      await page.goto(site.origin + '/admin/');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      for (const label of ['Mô hình, điển hình (biểu mẫu 01)', 'Báo cáo định kỳ (biểu mẫu 03)', 'Trang tự do',
        'Danh sách tổ chức đảng', 'Danh mục và cấu hình']) {
        await page.getByRole('link', { name: label }).first().waitFor();
      }
      await page.getByRole('link', { name: 'Mô hình, điển hình (biểu mẫu 01)' }).first().click();
      // Models directly in content/mo-hinh/ are listed; those of sub-folders under their folder.
      await page.getByText('(mh-mot-cua-than-thien-cdc)').first().waitFor();
      await open('#/collections/mo-hinh/filter/so-tai-chinh');
      await page.getByText('(mh-mot-cua-than-thien)').first().waitFor();
      await shot('bien-tap-danh-sach.png');
    });

    await t.test('a model created through the form lands in content/mo-hinh/ and checks but for what was left empty', async () => {
      await open('#/collections/mo-hinh/new');
      await field('id').fill('mh-so-tay-dang-vien');
      await field('title').fill('Sổ tay đảng viên điện tử');
      await choose('org', 'Chi bộ Phòng Ngân sách');
      await choose('type', 'Tập thể');
      await field('name').fill('Chi bộ Phòng Ngân sách');
      await choose('group', 'Thực hành tiết kiệm');
      await choose('approach', 'Xây dựng mới');
      await choose('status', 'Đang thực hiện');
      await field('start').fill('2024-03-01');
      await choose('topics', 'Sửa đổi lối làm việc');
      await choose('topics', 'Dân vận');
      await field('summary').fill('Mỗi đảng viên ghi sổ tay điện tử việc làm theo Bác hằng tháng.');
      await choose('reasons', 'Tu dưỡng, rèn luyện');
      await choose('kinds', 'Quán triệt');
      await field('responsible').fill('Bí thư chi bộ');
      const milestones = await add('milestones');
      await field('date', milestones).fill('2024-04-01');
      await field('task', milestones).fill('Triển khai sổ tay cho toàn chi bộ');
      await field('awareness').fill('Đảng viên hiểu rõ hơn lời Bác dạy');
      await field('attitude').fill('Tự giác, nêu gương trong công việc');
      await field('action').fill('Mỗi tháng có việc làm cụ thể');
      const indicators = await add('indicators');
      await field('code', indicators).fill('ty-le-ghi-so');
      await field('name', indicators).fill('Tỷ lệ đảng viên ghi sổ');
      await field('unit', indicators).fill('%');
      await field('baseline', indicators).fill('12.5');
      await field('target', indicators).fill('100');
      const targets = await add('targets');
      await field('name', targets).fill('Các chi bộ trực thuộc Sở');
      await field('similarity', targets).fill('Cùng nhiệm vụ chuyên môn, đảng viên dùng máy tính hằng ngày');
      await choose('cost', 'Không cần đầu tư');
      await choose('requirements', 'Phổ thông');
      await field('title').scrollIntoViewIfNeeded();
      await shot('bien-tap-mo-hinh-moi.png');
      await publish();

      const file = path.join(root, 'content', 'mo-hinh', 'mh-so-tay-dang-vien.md');
      const { data, body } = frontMatter(await changed(file, ''));
      assert.equal(data.type, 'mo_hinh');
      assert.equal(data.org, 'cb-phong-ngan-sach');
      assert.equal(data.start, '2024-03-01', 'dates stay YYYY-MM-DD text');
      assert.deepEqual(data.learning.topics, ['tp-sua-doi-loi-lam-viec', 'tp-dan-van']);
      assert.deepEqual(data.measures.milestones, [{ date: '2024-04-01', task: 'Triển khai sổ tay cho toàn chi bộ' }]);
      assert.equal(data.effectiveness.indicators[0].baseline, 12.5);
      assert.equal(data.subject.position, undefined, 'fields left empty are not written');
      const headings = body.split('\n').filter((line) => line.startsWith('## '));
      assert.deepEqual(headings, ['## 1. Nội dung học tập Bác', '## 2. Sự cần thiết', '## 3. Biện pháp thực hiện',
        '## 4. Hiệu quả', '## 5. Tính khả thi nhân rộng']);

      const after = check(root);
      const found = after.get('content/mo-hinh/mh-so-tay-dang-vien.md').map((d) => `${d.code}:${d.line}`);
      const sections = body.split('\n').map((line, i) => [line, i]).filter(([line]) => line.startsWith('«Cần điền'));
      const bodyStart = fs.readFileSync(file, 'utf8').split('\n').indexOf('---', 1) + 2;
      assert.deepEqual(found.filter((d) => d.startsWith('F-PLACEHOLDER')),
        sections.map(([, i]) => `F-PLACEHOLDER:${bodyStart + i}`), 'the body sections still to write');
      const others = [...new Set(found.filter((d) => !d.startsWith('F-PLACEHOLDER')).map((d) => d.split(':')[0]))].sort();
      assert.deepEqual(others, ['C1-ALIGN', 'C3-KIND-MISSING', 'C5-SPREAD'], 'only warnings for optional parts left empty');
      for (const [file, diagnostics] of before) assert.deepEqual(after.get(file), diagnostics, file);

      const overlay = await (await fetch(site.origin + '/')).text();
      assert.match(overlay, /guong-overlay[\s\S]*F-PLACEHOLDER/, 'serve checked the save like any other edit');
    });

    await t.test('a model saved through the CMS keeps its data and guong check clean', async () => {
      const file = path.join(root, 'content', 'mo-hinh', 'so-tai-chinh', 'mh-mot-cua-than-thien.md');
      const original = fs.readFileSync(file, 'utf8');
      const entry = '#/collections/mo-hinh/entries/so-tai-chinh/mh-mot-cua-than-thien';
      await open(entry);
      const title = field('title');
      await title.waitFor();
      const text = await title.inputValue();
      // Decap saves only a changed entry: change the title, save, restore it, save again.
      await title.fill(text + ' (bản sửa)');
      await shot('bien-tap-mo-hinh.png');
      await publish();
      const edited = frontMatter(await changed(file, original)).data;
      assert.deepEqual(edited, { ...frontMatter(original).data, title: text + ' (bản sửa)' }, 'every other value survives');
      const first = fs.readFileSync(file, 'utf8');
      await open(entry);
      await title.waitFor();
      assert.equal(await title.inputValue(), text + ' (bản sửa)');
      await title.fill(text);
      await publish();
      const saved = await changed(file, first);
      assert.deepEqual(frontMatter(saved).data, frontMatter(original).data);
      assert.equal(frontMatter(saved).body.trim(), frontMatter(original).body.trim());
      assert.equal(check(root).get('content/mo-hinh/so-tai-chinh/mh-mot-cua-than-thien.md'), undefined);
    });

    await t.test('a date written DD/MM/YYYY opens as that day and a picked date is saved YYYY-MM-DD', async () => {
      const file = path.join(root, 'content', 'mo-hinh', 'so-tai-chinh', 'mh-tiet-kiem-chi-thuong-xuyen.md');
      const written = fs.readFileSync(file, 'utf8');
      const original = written.replace('\nstart: 2022-02-15\n', '\nstart: 15/2/2022\n');
      assert.notEqual(original, written, 'the fixture starts on 2022-02-15');
      fs.writeFileSync(file, original);
      const entry = '#/collections/mo-hinh/entries/so-tai-chinh/mh-tiet-kiem-chi-thuong-xuyen';
      await open(entry);
      const start = field('start');
      const title = field('title');
      await start.waitFor();
      assert.equal(await start.inputValue(), '2022-02-15', 'day first, not month first');
      const text = await title.inputValue();
      await title.fill(text + ' (bản sửa)');
      await publish();
      const saved = await changed(file, original);
      assert.equal(frontMatter(saved).data.start, '15/2/2022', 'a date nobody touched stays as written');
      await open(entry);
      await start.waitFor();
      await start.fill('2022-02-16');
      await title.fill(text);
      await publish();
      const picked = frontMatter(await changed(file, saved)).data;
      assert.deepEqual(picked, { ...frontMatter(original).data, start: '2022-02-16' });
      const relative = 'content/mo-hinh/so-tai-chinh/mh-tiet-kiem-chi-thuong-xuyen.md';
      assert.deepEqual(check(root).get(relative), before.get(relative), 'the picked date checks as before');
    });

    await t.test('a report entry edited in the form is saved in place', async () => {
      const file = path.join(root, 'content', 'bao-cao', 'bc-db-so-tai-chinh-2022-ca-nam.md');
      const original = fs.readFileSync(file, 'utf8');
      await open('#/collections/bao-cao/entries/bc-db-so-tai-chinh-2022-ca-nam');
      const entries = field('models');
      const highlights = field('highlights', entries);
      await highlights.waitFor();
      await highlights.fill('Không còn hồ sơ trễ hẹn trong quý IV.');
      const value = field('value', entries);
      await value.fill('98.1');
      await shot('bien-tap-bao-cao.png');
      await publish();
      const { data } = frontMatter(await changed(file, original));
      const expected = frontMatter(original).data;
      expected.models[0].highlights = 'Không còn hồ sơ trễ hẹn trong quý IV.';
      expected.models[0].values[0].value = 98.1;
      assert.deepEqual(data, expected);
      assert.equal(check(root).get('content/bao-cao/bc-db-so-tai-chinh-2022-ca-nam.md'), undefined);
    });

    await t.test('the local backend refuses a path outside content/', async () => {
      const siteYml = fs.readFileSync(path.join(root, 'site.yml'), 'utf8');
      for (const target of ['site.yml', '../ngoai.md', 'content/../site.yml', 'content/mo-hinh/.an.md']) {
        const answer = await page.evaluate(async (target) => {
          const response = await fetch('/api/v1', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ action: 'persistEntry', params: { branch: 'main', assets: [],
              dataFiles: [{ slug: 'x', path: target, raw: 'bị ghi đè' }],
              options: { commitMessage: 'x', useWorkflow: false, status: '' } } }),
          });
          return { status: response.status, body: await response.json() };
        }, target);
        assert.equal(answer.status, 403, target);
        assert.match(answer.body.error, /^Không được phép/, target);
      }
      assert.equal(fs.readFileSync(path.join(root, 'site.yml'), 'utf8'), siteYml);
      assert.equal(fs.existsSync(path.join(path.dirname(root), 'ngoai.md')), false);
    });
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    site.stop();
    await bundle.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('without Decap the editor page says what failed and how to fix it', { skip }, async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'guong-cms-offline-'));
  fs.cpSync(path.join(repo, 'tests', 'sites', 'minimal'), root, { recursive: true });
  // Nothing listens on the discard port: the script fails as it does offline.
  const missing = 'http://127.0.0.1:9/decap-cms.js';
  fs.appendFileSync(path.join(root, 'site.yml'), `cms:\n  backend: github\n  repo: btg/mo-hinh\n  script_url: "${missing}"\n`);
  const output = path.join(root, 'public');
  execFileSync(BIN, ['--root', root, 'build', '--output', output]);
  const browser = await playwright.chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto('file://' + path.join(output, 'admin', 'index.html'));
    await page.getByRole('heading', { name: 'Không mở được trang biên tập' }).waitFor({ timeout: 15000 });
    const text = await page.locator('main p').textContent();
    assert.ok(text.startsWith(`Không tải được trình biên tập Decap CMS từ ${missing}. Hãy kiểm tra kết nối mạng`), text);
    assert.ok(text.includes('cms.script_url trong site.yml'), text);
    assert.deepEqual(errors, [], 'no script error behind the notice');
  } finally {
    await browser.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});
