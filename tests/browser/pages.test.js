// Every page family of the bundled site in headless Chromium: axe-core finds no violation
// (contrast included, nothing left undecided) at 375 px and 1280 px; no page is wider than a
// 360 px screen; the header takes at most two rows; focus is always visible; every page has a
// favicon that loads, link-preview tags (Open Graph, Twitter card) with the site's image; wide
// tables reflow or scroll in a focusable region with a visible hint; no chart text covers a
// bar and every chart has its text alternative. Page families, and the layouts of the pages
// within each, are found in the output, so new ones are checked as soon as they exist.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { repo, site } = require('../js/sites.js');
const { skip, launch, serve } = require('./browser.js');

const AXE = skip ? '' : fs.readFileSync(path.join(repo, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const BASE_URL = 'https://example.org/';

/**
 * The kinds of block a page's main part holds (tables with their classes, charts, lists,
 * forms...): pages of one family with other kinds of block are laid out differently.
 */
function layout(file) {
  const html = fs.readFileSync(file, 'utf8');
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  const blocks = [...main.matchAll(/<(table|dl|ol|form|details|figure|nav|div class="chart)\b[^>]*>/g)]
    .map((m) => m[0].replace(/ (id|aria-[a-z]+|style|tabindex)="[^"]*"/g, ''));
  return [...new Set(blocks)].sort().join(' ');
}

/**
 * The pages to check: for each top folder of the output (a page family), its own page and,
 * for each layout of the pages below it, the largest of them (the richest: tables, charts);
 * the home page, page 2 of the gallery and the 404 page.
 */
function pages(root) {
  const out = ['/', '/404.html'];
  const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : e.name === 'index.html' ? [p] : [];
  });
  for (const family of fs.readdirSync(root, { withFileTypes: true })) {
    if (!family.isDirectory()) continue;
    const files = walk(path.join(root, family.name));
    if (!files.length) continue;
    const own = path.join(root, family.name, 'index.html');
    const largest = new Map();
    for (const file of files.filter((f) => f !== own)
      .sort((a, b) => fs.statSync(b).size - fs.statSync(a).size || a.localeCompare(b))) {
      if (!largest.has(layout(file))) largest.set(layout(file), file);
    }
    for (const file of [fs.existsSync(own) ? own : null, ...largest.values()].filter(Boolean)) {
      out.push('/' + path.relative(root, path.dirname(file)).split(path.sep).join('/') + '/');
    }
  }
  if (fs.existsSync(path.join(root, 'mo-hinh', 'trang-2'))) out.push('/mo-hinh/trang-2/');
  // The gallery showing search results, in two groups.
  out.push('/mo-hinh/?q=mot+cua');
  return [...new Set(out)];
}

/** Opens every disclosure of the main part, so what it holds is checked too. */
function openDisclosures(page) {
  return page.evaluate(() => document.querySelectorAll('main details').forEach((d) => { d.open = true; }));
}

/** Failed loads of a page: responses of 400 and more, and the browser's own (the favicon). */
function watchFailures(page) {
  const failures = [];
  page.on('response', (r) => { if (r.status() >= 400) failures.push(r.status() + ' ' + r.url()); });
  page.on('console', (m) => { if (m.type() === 'error') failures.push(m.text()); });
  page.on('pageerror', (e) => failures.push(e.message));
  return failures;
}

test('every page family: accessible, fits a phone, shares well', { skip }, async (t) => {
  const root = site('bundled');
  const list = pages(root);
  const families = new Set(list.map((p) => p.split('/')[1]));
  for (const family of ['mo-hinh', 'bao-cao', 'don-vi', 'nhom', 'chuyen-de', 'tong-hop', 'kiem-tra', 'trang']) {
    assert.ok(families.has(family), `the bundled site has /${family}/`);
  }
  const server = await serve(root, '/');
  const browser = await launch();
  try {
    for (const width of [375, 1280]) {
      await t.test(`axe-core: no violation, no undecided contrast, at ${width} px`, async () => {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        const failures = watchFailures(page);
        const problems = [];
        for (const url of list) {
          await page.goto(server.origin + url);
          if (url.startsWith('/mo-hinh/') && !url.includes('mh-')) {
            await page.waitForFunction(() => document.querySelector('#tim-kiem-loc .count')?.textContent
              && document.querySelector('#tim-kiem-ket-qua').getAttribute('aria-busy') === 'false');
          }
          await openDisclosures(page);
          await page.evaluate(AXE);
          const result = await page.evaluate(() => axe.run(document, { resultTypes: ['violations', 'incomplete'] }));
          for (const v of result.violations) {
            problems.push(`${url}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
          }
          for (const v of result.incomplete.filter((i) => i.id === 'color-contrast')) {
            problems.push(`${url}: contrast undecided ${v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ': '
              + (n.any[0] || {}).message).join(' | ')}`);
          }
        }
        assert.deepEqual(problems, []);
        assert.deepEqual(failures, [], 'nothing fails to load (favicon included)');
        await page.close();
      });
    }

    await t.test('at 360 px no page is wider than the screen and the header takes two rows', async () => {
      const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
      const problems = [];
      for (const url of list) {
        await page.goto(server.origin + url);
        await openDisclosures(page);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 360) problems.push(`${url} is ${width} px wide`);
        const rows = await page.evaluate(() => {
          const tops = [...document.querySelectorAll('.site-header .brand, .site-header .site-nav a')]
            .map((el) => Math.round(el.getBoundingClientRect().top));
          return new Set(tops.map((top) => Math.round(top / 8))).size;
        });
        if (rows > 2) problems.push(`${url}: the header takes ${rows} rows`);
        // A table wider than its place scrolls in a focusable, named region with a hint shown.
        const tables = await page.evaluate(() => [...document.querySelectorAll('main table')].map((table) => {
          const wrap = table.parentElement;
          const wide = table.getBoundingClientRect().width > wrap.clientWidth + 1;
          const hint = wrap.previousElementSibling;
          return {
            caption: table.caption ? table.caption.textContent : '',
            wide,
            ok: !wide || (wrap.tabIndex === 0 && wrap.getAttribute('role') === 'region'
              && (wrap.getAttribute('aria-labelledby') || wrap.getAttribute('aria-label'))
              && getComputedStyle(wrap).overflowX === 'auto'
              && hint && hint.classList.contains('table-hint') && hint.getBoundingClientRect().height > 0),
          };
        }));
        for (const table of tables.filter((tb) => !tb.ok)) problems.push(`${url}: "${table.caption}" is cut off without a cue`);
      }
      assert.deepEqual(problems, []);
      await page.close();
    });

    await t.test('form 02\'s periods: one closed disclosure, every period of every year a 44 px target', async () => {
      const page = await browser.newPage({ viewport: { width: 375, height: 667 } });
      const url = list.find((u) => /^\/tong-hop\/\d{4}\/[a-z-]+\/$/.test(u));
      assert.ok(url, 'a form 02 page is checked');
      await page.goto(server.origin + url);
      const summary = page.locator('.period-years summary');
      assert.ok((await summary.boundingBox()).height >= 44, 'the disclosure is a 44 px target');
      assert.equal(await page.locator('.period-years a').first().isVisible(), false, 'closed at first');
      await summary.click();
      const links = await page.locator('.period-years a').evaluateAll((all) => all.map((a) => {
        const box = a.getBoundingClientRect();
        return { href: a.getAttribute('href'), height: box.height, right: box.right };
      }));
      const tables = fs.readdirSync(path.join(root, 'tong-hop'), { withFileTypes: true }).filter((e) => e.isDirectory())
        .flatMap((y) => fs.readdirSync(path.join(root, 'tong-hop', y.name)).map((p) => `/tong-hop/${y.name}/${p}/`));
      assert.deepEqual(links.map((l) => l.href).sort(), tables.sort(), 'a link to every period');
      for (const link of links) {
        assert.ok(link.height >= 44, `${link.href} is ${link.height} px high`);
        assert.ok(link.right <= 375, `${link.href} ends at ${link.right} px`);
      }
      await page.close();
    });

    await t.test('wide record tables become stacked rows that name their columns on phones', async () => {
      const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
      const model = list.find((u) => /^\/mo-hinh\/mh-/.test(u));
      await page.goto(server.origin + model);
      const cell = page.locator('table.indicators td[data-label="Mục tiêu"]').first();
      assert.equal(await cell.evaluate((el) => getComputedStyle(el).display), 'block');
      assert.match(await cell.evaluate((el) => getComputedStyle(el, '::before').content), /Mục tiêu: /);
      // The column titles stay for screen readers, out of sight.
      assert.ok((await page.locator('table.indicators thead').boundingBox()).height <= 1);
      await page.close();
    });

    await t.test('focus is always visible', async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const problems = [];
      for (const url of list) {
        await page.goto(server.origin + url);
        for (let i = 0; i < 30; i++) {
          await page.keyboard.press('Tab');
          const seen = await page.evaluate(() => {
            const el = document.activeElement;
            if (!el || el === document.body) return null;
            const ring = (node) => node && getComputedStyle(node).outlineStyle !== 'none' && parseFloat(getComputedStyle(node).outlineWidth) > 0;
            return { what: el.outerHTML.slice(0, 80), visible: ring(el) || ring(el.closest('.card')) };
          });
          if (seen && !seen.visible) problems.push(`${url}: ${seen.what}`);
        }
      }
      assert.deepEqual(problems, []);
      await page.close();
    });

    await t.test('every page: favicon, Open Graph and Twitter card with the site\'s image', async () => {
      const page = await browser.newPage();
      const problems = [];
      for (const url of list) {
        await page.goto(server.origin + url);
        const tags = await page.evaluate(() => {
          const meta = (key) => document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.content || '';
          return {
            icon: document.querySelector('link[rel="icon"]')?.href || '',
            title: meta('og:title'), description: meta('og:description'), image: meta('og:image'), url: meta('og:url'),
            card: meta('twitter:card'), twitterImage: meta('twitter:image'), twitterTitle: meta('twitter:title'),
          };
        });
        for (const key of ['icon', 'title', 'description', 'image', 'url', 'card', 'twitterImage', 'twitterTitle']) {
          if (!tags[key]) problems.push(`${url}: no ${key}`);
        }
        if (!tags.image.startsWith(BASE_URL)) problems.push(`${url}: og:image ${tags.image} is not absolute under base_url`);
        const file = path.join(root, tags.image.slice(BASE_URL.length));
        if (!fs.existsSync(file) || fs.readFileSync(file).subarray(1, 4).toString() !== 'PNG') problems.push(`${url}: ${file} is not a PNG the build wrote`);
        if (tags.twitterImage !== tags.image) problems.push(`${url}: twitter:image differs`);
        const icon = await page.request.get(tags.icon);
        if (icon.status() !== 200) problems.push(`${url}: favicon ${tags.icon} answers ${icon.status()}`);
      }
      assert.deepEqual(problems, []);
      await page.close();
    });

    await t.test('no text of a chart covers a bar (the target label included); each has its text alternative', async () => {
      const charted = list.filter((u) => u === '/' || /^\/(mo-hinh\/mh-|tong-hop\/\d)/.test(u));
      assert.ok(charted.length >= 3);
      for (const width of [360, 1280]) {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        for (const url of charted) {
          await page.goto(server.origin + url);
          const overlaps = await page.evaluate(() => {
            const out = [];
            for (const chart of document.querySelectorAll('.chart')) {
              const bars = [...chart.querySelectorAll('.chart-bar, .chart-baseline, .chart-rest')].map((b) => b.getBoundingClientRect())
                .filter((r) => r.width > 0 && r.height > 0);
              const texts = [...chart.querySelectorAll('.chart-label, .chart-value, .chart-key')];
              for (const text of texts) {
                const t = text.getBoundingClientRect();
                for (const b of bars) {
                  if (t.left < b.right - 0.5 && b.left < t.right - 0.5 && t.top < b.bottom - 0.5 && b.top < t.bottom - 0.5) {
                    out.push(text.textContent);
                  }
                }
              }
            }
            return out;
          });
          assert.deepEqual(overlaps, [], `${url} at ${width} px`);
          const targets = await page.locator('.chart-key').count();
          const charts = await page.locator('.chart').evaluateAll((all) => all.map((c) => ({
            role: c.getAttribute('role'), text: c.getAttribute('aria-label') || '',
          })));
          for (const chart of charts) {
            assert.equal(chart.role, 'img', `${url}: a chart is an image for screen readers`);
            assert.match(chart.text, /\d/, `${url}: the chart's text alternative states its numbers`);
          }
          if (url.startsWith('/mo-hinh/mh-') && charts.length) assert.ok(targets > 0, `${url} has an indicator chart with a target`);
        }
        await page.close();
      }
    });
  } finally {
    await browser.close();
    await server.close();
  }
});
