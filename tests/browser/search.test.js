// The gallery search in headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core, which never downloads a browser), against built sites served on 127.0.0.1
// by a tiny static server. The fixture site has a sub-path base (/mo-hinh-dien-hinh/).
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { site } = require('../js/sites.js');
const { skip, launch, serve, waitQuery } = require('./browser.js');

test('gallery search in Chromium', { skip }, async (t) => {
  const prefix = '/mo-hinh-dien-hinh/';
  const fixture = await serve(site('fixture'), prefix);
  const bundled = await serve(site('bundled'), '/');
  const browser = await launch();
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
    await waitQuery(page, text.trim());
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
      const retiredCount = page.locator('details[data-facet="trang-thai"] label', { hasText: 'Đã dừng (loại bỏ)' }).locator('.count');
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

    await t.test('retired models appear only with "Đã dừng (loại bỏ)", and the keyboard reaches every control', async () => {
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

test('the bundled gallery: phrase first, highlights, history, scroll, phones', { skip }, async (t) => {
  const plain = await serve(site('bundled'), '/');
  // Pages sent with no-store stay out of the back-forward cache: Back reloads the gallery.
  const reloading = await serve(site('bundled'), '/', { noStore: true });
  const browser = await launch();
  const ids = (page, selector = '#tim-kiem-ket-qua .card') =>
    page.locator(selector).evaluateAll((cards) => cards.map((c) => c.dataset.id));
  const settled = (page) => page.waitForFunction(() => document.querySelector('#tim-kiem-ket-qua').getAttribute('aria-busy') === 'false');
  const lead = (page) => page.locator('#mo-hinh-gioi-thieu').textContent();
  /**
   * The cards of the results as the reader sees them: `phrase`, those above the heading
   * "Kết quả gần đúng" (all of them when there is no such heading), and `near`, those below it.
   */
  const groupsOf = (page) => page.evaluate(() => {
    const heading = document.getElementById('ket-qua-gan-dung');
    const out = { phrase: [], near: [], heading: heading ? heading.textContent : null };
    for (const card of document.querySelectorAll('#tim-kiem-ket-qua .card')) {
      const below = heading && (heading.compareDocumentPosition(card) & Node.DOCUMENT_POSITION_FOLLOWING);
      (below ? out.near : out.phrase).push(card.dataset.id);
    }
    return out;
  });
  /** Opens the gallery of `server` (under `prefix`) at the query `q` and waits for its results. */
  const open = async (page, server, q, prefix = '/') => {
    await page.goto(server.origin + prefix + 'mo-hinh/?q=' + encodeURIComponent(q));
    await waitQuery(page, q);
    return groupsOf(page);
  };
  try {
    await t.test('"mot cua": the three models saying it, then "Kết quả gần đúng", marked', async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(plain.origin + '/mo-hinh/?q=mot+cua');
      await page.waitForFunction(() => document.querySelectorAll('#tim-kiem-ket-qua .card').length > 0);
      const headings = await page.locator('#tim-kiem-ket-qua h2').allTextContents();
      assert.deepEqual(headings, ['Có đúng cụm từ “mot cua”', 'Kết quả gần đúng']);
      const groups = await page.locator('#tim-kiem-ket-qua ul.cards').evaluateAll((lists) =>
        lists.map((l) => [...l.querySelectorAll('.card')].map((c) => c.dataset.id)));
      assert.deepEqual(groups[0], ['mh-mot-cua-than-thien', 'mh-mot-cua-so-than-thien', 'mh-don-tiep-nguoi-benh-than-thien']);
      assert.ok(groups[1].length >= 8 && !groups[1].includes('mh-mot-cua-than-thien'));
      // The lead text counts the current results.
      assert.equal(await lead(page), 'Tìm thấy 20 mô hình, 3 mô hình có đúng cụm từ.');
      // The title marks the phrase as it is written.
      assert.deepEqual(await page.locator('#tim-kiem-ket-qua [data-id="mh-mot-cua-than-thien"] .card-title mark').allTextContents(), ['một cửa']);
      // mh-don-tiep… says "một cửa" in its body only: its snippet comes from there, marked.
      const body = page.locator('#tim-kiem-ket-qua [data-id="mh-don-tiep-nguoi-benh-than-thien"] .card-summary mark');
      await body.first().waitFor();
      assert.equal((await body.first().textContent()).toLowerCase(), 'một cửa');
      const snippet = await page.locator('#tim-kiem-ket-qua [data-id="mh-don-tiep-nguoi-benh-than-thien"] .card-summary').textContent();
      assert.ok(snippet.length <= 205, snippet);
      assert.match(snippet, /^…\S|^\S/u, 'cut at a word boundary');
      await page.close();
    });

    await t.test('the queries readers type: body phrases, a unit\'s name, a person, an id, a common syllable', async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      // "dân vận" stands in two models' summaries and in three others' quotes or bodies only:
      // all in the phrase group (the body counts), the summaries first, the rest under
      // "Kết quả gần đúng".
      const danVan = await open(page, plain, 'dan van');
      assert.deepEqual(danVan.phrase, ['mh-dong-hanh-ho-kinh-doanh', 'mh-doi-thoai-doanh-nghiep',
        'mh-gop-y-qr-kham-benh', 'mh-cham-soc-nguoi-benh-cao-tuoi', 'mh-gop-y-qr-nguoi-benh']);
      assert.equal(danVan.heading, 'Kết quả gần đúng');
      assert.ok(danVan.near.length >= 1);
      // A unit's name typed without diacritics: the school's models (its chi bộ's included)
      // before the hospital model that names the commune in its body.
      const phuHoa = await open(page, plain, 'phu hoa');
      assert.deepEqual(new Set(phuHoa.phrase.slice(0, 4)),
        new Set(['mh-goc-hoc-tap-bac-ho', 'mh-goc-hoc-tap-bac-ho-so', 'mh-nang-buoc-em-den-truong', 'mh-sinh-hoat-chi-bo-truong-hoc']));
      assert.deepEqual(phuHoa.phrase.slice(4), ['mh-sinh-hoat-chi-bo-chuyen-de']);
      // The subject's name (cá nhân) and a model id.
      assert.deepEqual((await open(page, plain, 'tran quoc bao')).phrase, ['mh-doi-thoai-doanh-nghiep']);
      assert.equal((await open(page, plain, 'mh-luong-y-nhu-tu-mau')).phrase[0], 'mh-luong-y-nhu-tu-mau');
      // One syllable found nearly everywhere: the model with it in its title first, no groups.
      const kiem = await open(page, plain, 'kiem');
      assert.equal(kiem.phrase[0], 'mh-doan-kiem-tra-liem-chinh');
      assert.equal(kiem.heading, null);
      await page.close();
    });

    await t.test('exact diacritics rank higher within the phrase group; the title beats the body', async () => {
      const prefix = '/mo-hinh-dien-hinh/';
      const server = await serve(site('phrase'), prefix);
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      try {
        // mh-p-khong-dau says "chồng lăng phí": the same folded phrase with other marks.
        const typed = await open(page, server, 'chống lãng phí', prefix);
        assert.deepEqual(typed.phrase, ['mh-p-tieu-de', 'mh-p-than-bai', 'mh-p-khong-dau']);
        assert.deepEqual(typed.near, ['mh-p-tach-roi'], 'the syllables apart come under "Kết quả gần đúng"');
        const other = await open(page, server, 'chồng lăng phí', prefix);
        assert.equal(other.phrase[0], 'mh-p-khong-dau');
        // Without marks, the model with the phrase in its title comes before those with it in the body.
        assert.equal((await open(page, server, 'chong lang phi', prefix)).phrase[0], 'mh-p-tieu-de');
      } finally {
        await page.close();
        await server.close();
      }
    });

    await t.test('a filter or a new query pushes a history entry, typing replaces it; Back undoes', async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(plain.origin + '/');
      await page.goto(plain.origin + '/mo-hinh/');
      await page.locator('#tim-kiem').waitFor({ state: 'visible' });
      const length = () => page.evaluate(() => history.length);
      const start = await length();
      // Typed slowly enough for several searches on the way: still one entry.
      await page.locator('#tim-kiem-q').pressSequentially('dan van', { delay: 220 });
      await waitQuery(page, 'dan van');
      assert.equal(await length(), start + 1, 'one entry for the whole typing');
      await page.locator('details[data-facet="nhom"] summary').click();
      await page.locator('details[data-facet="nhom"] input').first().check();
      await page.waitForFunction(() => location.search.includes('nhom='));
      await settled(page);
      assert.equal(await length(), start + 2, 'a filter pushes');
      const filtered = await ids(page);
      await page.locator('details[data-facet="chu-the"] summary').click();
      await page.locator('details[data-facet="chu-the"] input').first().check();
      await page.waitForFunction(() => location.search.includes('chu-the='));
      assert.equal(await length(), start + 3);
      await page.goBack();
      await page.waitForFunction(() => !location.search.includes('chu-the='));
      assert.equal(await page.locator('details[data-facet="chu-the"] input').first().isChecked(), false, 'Back undoes the last filter');
      assert.equal(await page.locator('details[data-facet="nhom"] input').first().isChecked(), true);
      await page.waitForFunction((want) => JSON.stringify([...document.querySelectorAll('#tim-kiem-ket-qua .card')].map((c) => c.dataset.id)) === want,
        JSON.stringify(filtered));
      await page.goBack();
      await page.waitForFunction(() => !location.search.includes('nhom='));
      assert.equal(await page.inputValue('#tim-kiem-q'), 'dan van');
      await page.goBack();
      await page.waitForFunction(() => location.search === '');
      assert.equal(await page.inputValue('#tim-kiem-q'), '');
      assert.equal(await page.locator('#ket-qua').isVisible(), true, 'the gallery again');
      assert.match(await lead(page), /^23 mô hình, điển hình; 1 mô hình đã loại bỏ/);
      await page.goBack();
      await page.waitForURL(plain.origin + '/');
      await page.close();
    });

    for (const [name, server] of [['from the page cache', plain], ['reloaded (no-store)', reloading]]) {
      await t.test(`returning from a model page restores the results and the scroll (${name})`, async () => {
        const page = await browser.newPage({ viewport: { width: 375, height: 667 } });
        await page.goto(server.origin + '/mo-hinh/?q=mot+cua');
        await page.waitForFunction(() => document.querySelectorAll('#tim-kiem-ket-qua .card').length > 10);
        const before = await ids(page);
        const target = page.locator('#tim-kiem-ket-qua .card-title a').nth(8);
        await target.scrollIntoViewIfNeeded();
        await page.evaluate(() => window.scrollBy(0, -120));
        await page.waitForTimeout(300);
        const id = before[8];
        const top = (await page.locator(`#tim-kiem-ket-qua .card[data-id="${id}"]`).boundingBox()).y;
        const scroll = await page.evaluate(() => window.scrollY);
        assert.ok(scroll > 1500, `scrolled to ${scroll}`);
        await target.click();
        await page.waitForURL(/\/mo-hinh\/mh-[^/]+\/$/);
        await page.goBack();
        await page.waitForFunction(() => document.querySelectorAll('#tim-kiem-ket-qua .card').length > 10);
        // The card clicked stands where it stood.
        await page.waitForFunction(([card, y]) => {
          const box = document.querySelector(`#tim-kiem-ket-qua .card[data-id="${card}"]`)?.getBoundingClientRect();
          return box && Math.abs(box.top - y) < 2;
        }, [id, top]);
        assert.ok(await page.evaluate(() => window.scrollY) > 1500);
        assert.deepEqual(await ids(page), before);
        assert.equal(await page.inputValue('#tim-kiem-q'), 'mot cua');
        await page.close();
      });
    }

    await t.test('a phone\'s first screen: the box, "Bộ lọc (n)", a result; the filters open on demand', async () => {
      const page = await browser.newPage({ viewport: { width: 375, height: 667 } });
      await page.goto(plain.origin + '/mo-hinh/');
      await page.locator('#tim-kiem').waitFor({ state: 'visible' });
      const toggle = page.getByRole('button', { name: /^Bộ lọc \(\d+\)$/ });
      await toggle.waitFor();
      const inFirstScreen = (locator) => locator.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
      });
      assert.equal(await inFirstScreen(page.locator('#tim-kiem-q')), true, 'search box');
      assert.equal(await inFirstScreen(toggle), true, '"Bộ lọc" button');
      assert.equal(await inFirstScreen(page.locator('#ket-qua .card-title').first()), true, 'a result');
      assert.equal(await page.locator('details[data-facet="nam"]').isVisible(), false, 'facets closed');
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      await page.locator('details[data-facet="nam"] summary').click();
      // Years newest first, up to year(as_of) (2026 for the bundled site).
      const years = await page.locator('details[data-facet="nam"] input').evaluateAll((boxes) => boxes.map((b) => b.value));
      assert.deepEqual(years, ['2026', '2025', '2024', '2023', '2022', '2021']);
      await page.locator('details[data-facet="nam"] input').first().check();
      await page.waitForFunction(() => location.search.includes('nam=2026'));
      assert.equal(await toggle.textContent(), 'Bộ lọc (1)');
      // With a query, a result still shows on the first screen once the filters are closed.
      await toggle.click();
      await page.fill('#tim-kiem-q', 'dan van');
      await waitQuery(page, 'dan van');
      assert.equal(await inFirstScreen(page.locator('#tim-kiem-ket-qua .card-title').first()), true);
      assert.match(await lead(page), /^Tìm thấy \d+ mô hình/);
      await page.close();
    });
  } finally {
    await browser.close();
    await plain.close();
    await reloading.close();
  }
});
