// The gallery search in headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core, which never downloads a browser), against built sites served on 127.0.0.1
// by a tiny static server. The fixture site has a sub-path base (/mo-hinh-dien-hinh/).
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { unavailable: noBinary, site } = require('../js/sites.js');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run'];

function playwright() {
  try {
    return require('playwright-core');
  } catch {
    return null;
  }
}

const skip = noBinary()
  || (fs.existsSync(CHROMIUM) ? null : `no ${CHROMIUM} (apt-get install chromium)`)
  || (playwright() ? null : 'no playwright-core (npm ci)')
  || false;

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.xml': 'application/xml' };

/** Serves `root` under `prefix` on 127.0.0.1; resolves to {origin, close}. */
function serve(root, prefix) {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    let file = null;
    if (url.pathname.startsWith(prefix)) {
      const relative = decodeURIComponent(url.pathname.slice(prefix.length));
      file = path.join(root, relative);
      if (!file.startsWith(root)) file = null;
      else if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    }
    if (!file || !fs.existsSync(file)) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('không có');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    response.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const origin = 'http://127.0.0.1:' + server.address().port;
      resolve({ origin, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

test('gallery search in Chromium', { skip }, async (t) => {
  const prefix = '/mo-hinh-dien-hinh/';
  const fixture = await serve(site('fixture'), prefix);
  const bundled = await serve(site('bundled'), '/');
  const browser = await playwright().chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  const gallery = fixture.origin + prefix + 'mo-hinh/';
  const outside = [];
  const page = await browser.newPage();
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(fixture.origin) && !url.startsWith(bundled.origin)) outside.push(url);
  });
  const status = page.locator('#tim-kiem-trang-thai');
  const resultIds = () => page.locator('#tim-kiem-ket-qua .card').evaluateAll((cards) => cards.map((c) => c.dataset.id));
  const search = async (text) => {
    await page.fill('#tim-kiem-q', text);
    await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q.trim(), text);
    await page.waitForFunction(() => document.querySelector('#tim-kiem-trang-thai').textContent !== '');
  };

  try {
    await t.test('the form appears, labelled, and the gallery stays until a search', async () => {
      await page.goto(gallery);
      await page.locator('#tim-kiem').waitFor({ state: 'visible' });
      assert.equal(await page.getByLabel('Tìm mô hình').getAttribute('type'), 'search');
      assert.equal(await page.locator('form[role="search"]').count(), 1);
      assert.equal(await page.locator('#ket-qua').isVisible(), true);
      assert.equal(await page.locator('#tim-kiem-ket-qua').isVisible(), false);
      assert.equal(await status.getAttribute('aria-live'), 'polite');
      // Filters arrive with live counts before any search.
      const retiredCount = page.locator('details[data-facet="trang-thai"] label', { hasText: 'Đã dừng' }).locator('.count');
      await page.waitForFunction(() => document.querySelector('#tim-kiem-loc .count')?.textContent !== '');
      assert.equal(await retiredCount.textContent(), '(1)');
    });

    await t.test('typing without diacritics finds the model, best first, linked under the base path', async () => {
      await search('tiet kiem dien');
      assert.deepEqual((await resultIds()).slice(0, 2), ['mh-van-phong-xanh', 'mh-giu-gin-tai-san']);
      const first = page.locator('#tim-kiem-ket-qua .card-title a').first();
      assert.equal(await first.getAttribute('href'), prefix + 'mo-hinh/mh-van-phong-xanh/');
      assert.match(await status.textContent(), /^Tìm thấy 2 mô hình/);
      assert.equal(await page.locator('#ket-qua').isVisible(), false);
    });

    await t.test('a word that matches nothing shows the "Không tìm thấy" message', async () => {
      await search('tiet kiem xqzwv');
      assert.deepEqual(await resultIds(), []);
      assert.match(await page.locator('.search-empty').textContent(), /Không tìm thấy mô hình phù hợp\. Không có mô hình nào chứa “xqzwv”/);
      assert.equal(await status.textContent(), 'Không tìm thấy mô hình phù hợp.');
    });

    await t.test('filters combine, show live counts and go into the address', async () => {
      await page.fill('#tim-kiem-q', '');
      await page.waitForFunction(() => !location.search.includes('q='));
      assert.equal(await page.locator('#ket-qua').isVisible(), true, 'an empty search shows the gallery again');
      await page.locator('details[data-facet="nhom"] summary').click();
      await page.getByLabel(/Thực hành tiết kiệm/).check();
      await page.waitForFunction(() => location.search.includes('nhom=tiet-kiem-doan-ket'));
      await page.waitForFunction(() => document.querySelectorAll('#tim-kiem-ket-qua .card').length === 2);
      assert.deepEqual((await resultIds()).sort(), ['mh-giu-gin-tai-san', 'mh-van-phong-xanh']);
      const count = page.locator('details[data-facet="nhom"] label', { hasText: 'Tuyên truyền' }).locator('.count');
      assert.equal(await count.textContent(), '(1)');
      await page.getByLabel(/Tuyên truyền, vận động/).check();
      await page.waitForFunction(() => document.querySelectorAll('#tim-kiem-ket-qua .card').length === 3);
    });

    await t.test('a shared address restores the query and filters', async () => {
      await page.goto(gallery + '?q=dan&nhom=tuyen-truyen-van-dong');
      await page.waitForFunction(() => document.querySelectorAll('#tim-kiem-ket-qua .card').length > 0);
      assert.equal(await page.inputValue('#tim-kiem-q'), 'dan');
      assert.equal(await page.getByLabel(/Tuyên truyền, vận động/).isChecked(), true);
      assert.deepEqual(await resultIds(), ['mh-dan-van-kheo']);
    });

    await t.test('retired models appear only with "Đã dừng", and the keyboard reaches every control', async () => {
      await page.goto(gallery);
      await page.locator('#tim-kiem').waitFor({ state: 'visible' });
      await search('hop thu gop y');
      assert.deepEqual(await resultIds(), []);
      await page.locator('details[data-facet="trang-thai"] summary').focus();
      await page.keyboard.press('Enter');
      const retired = page.getByLabel(/Đã dừng/);
      await retired.focus();
      await page.keyboard.press('Space');
      await page.waitForFunction(() => document.querySelectorAll('#tim-kiem-ket-qua .card').length === 1);
      assert.deepEqual(await resultIds(), ['mh-hop-thu-gop-y']);
      assert.match(page.url(), /trang-thai=loai_bo/);
    });

    await t.test('the bundled site: a title typed without diacritics comes first', async () => {
      await page.goto(bundled.origin + '/mo-hinh/');
      await page.locator('#tim-kiem').waitFor({ state: 'visible' });
      await search('luong y phai nhu tu mau');
      assert.equal((await resultIds())[0], 'mh-luong-y-nhu-tu-mau');
      assert.equal(await page.locator('#tim-kiem-ket-qua .card-title a').first().getAttribute('href'), '/mo-hinh/mh-luong-y-nhu-tu-mau/');
      await search('khong tim thay gi xqzwv');
      assert.equal(await status.textContent(), 'Không tìm thấy mô hình phù hợp.');
    });

    await t.test('without JavaScript the gallery works and the search form stays hidden', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const plain = await context.newPage();
      await plain.goto(gallery);
      assert.equal(await plain.locator('#tim-kiem').isVisible(), false);
      assert.ok((await plain.locator('#ket-qua .card').count()) > 0);
      await context.close();
    });

    await t.test('no request leaves the site', () => {
      assert.deepEqual(outside, []);
    });
  } finally {
    await browser.close();
    await fixture.close();
    await bundled.close();
  }
});
