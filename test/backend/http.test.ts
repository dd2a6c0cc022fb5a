/**
 * CORS and static files: headers, content types, caching, and that no
 * path can read outside the served folders.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AgencyList } from '../../src/api/contract/index.js';
import { parseCorsOrigins } from '../../demo/server/http/cors.js';
import { API, assertSchema, getJson, rawRequest, startTestBackend, type TestBackend } from './helpers.js';

const ALLOWED = 'https://xa-minh-hoa.example';
const OTHER = 'https://evil.example';

describe('CORS with a list of origins', () => {
  let backend: TestBackend;
  before(async () => {
    backend = await startTestBackend({ corsOrigins: [ALLOWED, 'http://localhost:5173'] });
  });
  after(() => backend.close());

  test('an allowed origin is echoed, with Vary: Origin', async () => {
    const response = await fetch(`${backend.url}${API}/agencies`, { headers: { Origin: ALLOWED } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), ALLOWED);
    assert.equal(response.headers.get('vary'), 'Origin');
    assert.equal(response.headers.get('access-control-allow-credentials'), null);
    // Only Retry-After, so a widget can say how long to wait after a 429.
    assert.equal(response.headers.get('access-control-expose-headers'), 'Retry-After');
  });

  test('a disallowed origin gets no CORS header at all, but still an answer', async () => {
    const response = await fetch(`${backend.url}${API}/agencies`, { headers: { Origin: OTHER } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('vary'), 'Origin');
    const cors = [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));
    assert.deepEqual(cors, []);
  });

  test('a same-origin request (no Origin header) gets no CORS header', async () => {
    const response = await fetch(`${backend.url}${API}/agencies`);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  });

  test('a preflight from an allowed origin is answered 204 with methods, headers and max-age', async () => {
    const response = await fetch(`${backend.url}${API}/procedures`, {
      method: 'OPTIONS',
      headers: {
        Origin: ALLOWED,
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), ALLOWED);
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /\bGET\b/);
    const allowedHeaders = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    assert.match(allowedHeaders, /\bcontent-type\b/);
    assert.match(allowedHeaders, /\bidempotency-key\b/);
    assert.ok(Number(response.headers.get('access-control-max-age')) > 0);
    assert.equal(await response.text(), '');
  });

  test('OPTIONS lists what the resource takes: POST on /dossiers, GET on /procedures', async () => {
    const expected: Record<string, string> = {
      '/dossiers': 'POST, OPTIONS',
      '/dossiers/lookup': 'POST, OPTIONS',
      '/procedures': 'GET, HEAD, OPTIONS',
      '/procedures/1.001193/form': 'GET, HEAD, OPTIONS',
      '/officer/dossiers/000.00.01.H99-261122-0001/actions': 'POST, OPTIONS',
      '/officer/dossiers/000.00.01.H99-261122-0001/attachments': 'GET, HEAD, OPTIONS',
    };
    for (const [path, methods] of Object.entries(expected)) {
      const plain = await fetch(`${backend.url}${API}${path}`, { method: 'OPTIONS' });
      assert.equal(plain.status, 204, path);
      assert.equal(plain.headers.get('allow'), methods, path);
      const preflight = await fetch(`${backend.url}${API}${path}`, {
        method: 'OPTIONS',
        headers: { Origin: ALLOWED, 'Access-Control-Request-Method': methods.split(', ')[0]! },
      });
      assert.equal(preflight.headers.get('allow'), methods, path);
      assert.equal(preflight.headers.get('access-control-allow-methods'), methods, path);
    }
  });

  test('a preflight from a disallowed origin gets no CORS headers', async () => {
    const response = await fetch(`${backend.url}${API}/procedures`, {
      method: 'OPTIONS',
      headers: { Origin: OTHER, 'Access-Control-Request-Method': 'GET' },
    });
    assert.equal(response.status, 204);
    const cors = [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));
    assert.deepEqual(cors, []);
  });
});

describe('CORS with *', () => {
  let backend: TestBackend;
  before(async () => {
    backend = await startTestBackend({ corsOrigins: '*' });
  });
  after(() => backend.close());

  test('any origin gets Access-Control-Allow-Origin: *', async () => {
    for (const origin of [ALLOWED, OTHER, 'null']) {
      const response = await fetch(`${backend.url}${API}/agencies`, { headers: { Origin: origin } });
      assert.equal(response.headers.get('access-control-allow-origin'), '*');
      assertSchema(AgencyList, await response.json());
    }
  });

  test('preflight is allowed for any origin', async () => {
    const response = await fetch(`${backend.url}${API}/agencies`, {
      method: 'OPTIONS',
      headers: { Origin: OTHER, 'Access-Control-Request-Method': 'GET' },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
  });
});

describe('parseCorsOrigins (CORS_ORIGINS)', () => {
  test('unset, empty and * mean any origin', () => {
    assert.equal(parseCorsOrigins(undefined), '*');
    assert.equal(parseCorsOrigins(''), '*');
    assert.equal(parseCorsOrigins(' * '), '*');
  });
  test('a comma-separated list is trimmed', () => {
    assert.deepEqual(parseCorsOrigins('https://a.example, http://localhost:8080 ,'), [
      'https://a.example',
      'http://localhost:8080',
    ]);
  });
  test('an entry with a path or without scheme stops the start-up', () => {
    assert.throws(() => parseCorsOrigins('https://a.example/'), /CORS_ORIGINS/);
    assert.throws(() => parseCorsOrigins('a.example'), /CORS_ORIGINS/);
  });
});

describe('static files', () => {
  let backend: TestBackend;
  let root: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'dvc-static-'));
    const site = join(root, 'site');
    await mkdir(join(site, 'guide'), { recursive: true });
    await writeFile(join(root, 'secret.txt'), 'TOP-SECRET');
    await writeFile(join(site, '.env'), 'DATABASE_URL=TOP-SECRET');
    await writeFile(join(site, 'index.html'), '<!doctype html><title>Demo</title>');
    await writeFile(join(site, 'guide', 'index.html'), '<!doctype html><title>Guide</title>');
    const files: Record<string, string> = {
      'app.js': 'export {};',
      'style.css': 'p{}',
      'data.json': '{}',
      'logo.svg': '<svg/>',
      'pic.png': 'png',
      'favicon.ico': 'ico',
      'app.js.map': '{}',
      'notes.xyz': 'x',
    };
    for (const [name, content] of Object.entries(files)) await writeFile(join(site, name), content);
    backend = await startTestBackend({
      // The CDN folder does not exist, as before `npm run build`.
      staticDirs: { '/': site, '/cdn/': join(root, 'no-build-yet') },
    });
  });
  after(async () => {
    await backend.close();
    await rm(root, { recursive: true, force: true });
  });

  test('/ serves index.html with the security headers', async () => {
    const response = await fetch(`${backend.url}/`);
    assert.equal(response.status, 200);
    assert.equal(await response.text(), '<!doctype html><title>Demo</title>');
    assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(
      response.headers.get('content-security-policy'),
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'",
    );
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(response.headers.get('cache-control'), 'no-cache');
  });

  test('each file type gets its content type', async () => {
    const expected: Record<string, string> = {
      '/app.js': 'text/javascript; charset=utf-8',
      '/style.css': 'text/css; charset=utf-8',
      '/data.json': 'application/json; charset=utf-8',
      '/logo.svg': 'image/svg+xml',
      '/pic.png': 'image/png',
      '/favicon.ico': 'image/x-icon',
      '/app.js.map': 'application/json; charset=utf-8',
      '/notes.xyz': 'application/octet-stream',
    };
    for (const [path, type] of Object.entries(expected)) {
      const response = await fetch(`${backend.url}${path}`);
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('content-type'), type, path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
      await response.arrayBuffer();
    }
  });

  test('assets are cacheable, and revalidate with ETag to 304', async () => {
    const first = await fetch(`${backend.url}/app.js`);
    assert.equal(first.headers.get('cache-control'), 'public, max-age=300');
    assert.equal(first.headers.get('content-security-policy'), null);
    const etag = first.headers.get('etag');
    assert.ok(etag);
    await first.text();
    const second = await fetch(`${backend.url}/app.js`, { headers: { 'If-None-Match': etag } });
    assert.equal(second.status, 304);
  });

  test('a folder without its slash is redirected, with the slash it serves index.html', async () => {
    const redirect = await rawRequest(backend.url, '/guide?x=1');
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.location, '/guide/?x=1');
    const page = await fetch(`${backend.url}/guide/`);
    assert.equal(await page.text(), '<!doctype html><title>Guide</title>');
  });

  test('a folder redirect never sends the browser to another site (no protocol-relative Location)', async () => {
    for (const path of ['//guide', '///guide?x=1', '//guide//']) {
      const answer = await rawRequest(backend.url, path);
      if (answer.status === 301) {
        assert.doesNotMatch(String(answer.headers.location), /^\/\//, path);
        assert.match(String(answer.headers.location), /^\/guide\//, path);
      } else assert.equal(answer.status, 200, path);
    }
  });

  test('HEAD gives the headers without the body', async () => {
    const response = await rawRequest(backend.url, '/app.js', { method: 'HEAD' });
    assert.equal(response.status, 200);
    assert.equal(response.headers['content-length'], String('export {};'.length));
    assert.equal(response.body, '');
  });

  test('missing files, and the CDN before a build, are 404', async () => {
    assert.equal((await rawRequest(backend.url, '/nope.html')).status, 404);
    assert.equal((await rawRequest(backend.url, '/cdn/dvc-widgets.js')).status, 404);
  });

  test('other methods are refused with 405', async () => {
    const response = await rawRequest(backend.url, '/index.html', { method: 'POST' });
    assert.equal(response.status, 405);
    assert.equal(response.headers.allow, 'GET, HEAD');
  });

  test('path traversal, encoded or not, NUL and dotfiles are all refused', async () => {
    const attempts = [
      '/../secret.txt',
      '/../../../../etc/passwd',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/guide/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/index.html%00.png',
      '/%00',
      '/.env',
      '/guide/%2e%2e/.env',
      '/%ff',
      '/cdn/../secret.txt',
      '/cdn/%2e%2e/%2e%2e/secret.txt',
    ];
    for (const path of attempts) {
      const response = await rawRequest(backend.url, path);
      assert.ok([400, 404].includes(response.status), `${path} answered ${response.status}`);
      assert.doesNotMatch(response.body, /TOP-SECRET|root:/, path);
    }
  });
});

describe('API answers', () => {
  let backend: TestBackend;
  before(async () => {
    backend = await startTestBackend();
  });
  after(() => backend.close());

  test('carry nosniff and no-store, and are JSON in UTF-8', async () => {
    const response = await fetch(`${backend.url}${API}/agencies`);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
    await getJson(`${backend.url}${API}/agencies`, AgencyList);
  });

  test('without static folders, / is a plain 404', async () => {
    const response = await rawRequest(backend.url, '/');
    assert.equal(response.status, 404);
    assert.equal(response.headers['content-type'], 'text/plain; charset=utf-8');
  });
});
