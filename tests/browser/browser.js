// What the browser tests share: Debian's Chromium driven by playwright-core (which never
// downloads a browser), why a test must be skipped, and a tiny static server for built sites.
'use strict';
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { unavailable: noBinary } = require('../js/sites.js');

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

/** Why the browser tests cannot run here, or false. */
const skip = noBinary()
  || (fs.existsSync(CHROMIUM) ? null : `no ${CHROMIUM} (apt-get install chromium)`)
  || (playwright() ? null : 'no playwright-core (npm ci)')
  || false;

function launch() {
  return playwright().chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.xml': 'application/xml', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
};

/**
 * Serves `root` under `prefix` on 127.0.0.1; resolves to {origin, close}. With `noStore`,
 * pages are sent with `Cache-Control: no-store`, which keeps them out of the browser's
 * back-forward cache: going back reloads the page.
 */
function serve(root, prefix, { noStore = false } = {}) {
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
    const headers = { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' };
    if (noStore && file.endsWith('.html')) headers['cache-control'] = 'no-store';
    response.writeHead(200, headers);
    response.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const origin = 'http://127.0.0.1:' + server.address().port;
      resolve({ origin, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

/**
 * Waits until the address says `q` and its results are shown (`aria-busy` off): the address
 * changes before the search runs, so the status may still describe the previous query.
 */
const waitQuery = (page, q) => page.waitForFunction((want) => new URL(location.href).searchParams.get('q') === want
  && document.querySelector('#tim-kiem-ket-qua').getAttribute('aria-busy') === 'false', q);

module.exports = { CHROMIUM, skip, launch, serve, waitQuery };
