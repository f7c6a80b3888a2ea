import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startGateway, type Gateway } from '../../src/gateway/startGateway.js';

/*
 * The gateway serving a static site next to API routes: a built site in a temp folder, with a secret
 * file beside (not inside) it that no request may reach.
 */
interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request with its path sent byte for byte (fetch would normalise `..` away before sending). */
function rawRequest(gateway: Gateway, requestPath: string, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port: gateway.port, path: requestPath, method }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks).toString() }),
      );
    });
    request.on('error', reject);
    request.end();
  });
}

describe('local gateway static sites', () => {
  let workDir: string;
  let gateway: Gateway;
  const invoked: string[] = [];

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'sdp-site-'));
    const root = path.join(workDir, 'site');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(workDir, 'secret.txt'), 'top secret');
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>dashboard</title>');
    await writeFile(path.join(root, 'main.js'), 'console.log(1);');
    await writeFile(path.join(root, 'main.css'), 'body{}');
    await writeFile(path.join(root, 'config.json'), '{}');
    await writeFile(path.join(root, 'assets', 'logo.svg'), '<svg/>');
    await writeFile(path.join(root, 'assets', 'chart.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const route = (method: string, routePath: string) => ({
      method,
      path: routePath,
      target: async () => {
        invoked.push(`${method} ${routePath}`);
        return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"from":"function"}' };
      },
    });
    gateway = await startGateway({
      routes: [route('GET', '/dashboard/status'), route('POST', '/events'), route('GET', '/reports/{id}')],
      sites: [{ path: '/dashboard', root }],
      port: 0,
      // What went wrong, whole but for the request id, so that the tests can see it.
      errorBody: ({ status, reason, message }) => ({ status, reason, message }),
    });
  });

  afterAll(async () => {
    await gateway?.close();
    await rm(workDir, { recursive: true, force: true });
  });

  it.each([
    ['/dashboard/', 'text/html; charset=utf-8', '<!doctype html><title>dashboard</title>'],
    ['/dashboard/main.js', 'text/javascript; charset=utf-8', 'console.log(1);'],
    ['/dashboard/main.css', 'text/css; charset=utf-8', 'body{}'],
    ['/dashboard/config.json', 'application/json; charset=utf-8', '{}'],
    ['/dashboard/assets/logo.svg', 'image/svg+xml', '<svg/>'],
  ])('serves %s as %s', async (requestPath, contentType, body) => {
    // Act
    const response = await rawRequest(gateway, requestPath);

    // Assess
    expect({ status: response.status, type: response.headers['content-type'], body: response.body }).toStrictEqual({
      status: 200,
      type: contentType,
      body,
    });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers HEAD with the headers alone', async () => {
    // Act
    const response = await rawRequest(gateway, '/dashboard/assets/chart.png', 'HEAD');

    // Assess
    expect({
      status: response.status,
      type: response.headers['content-type'],
      length: response.headers['content-length'],
      body: response.body,
    }).toStrictEqual({
      status: 200,
      type: 'image/png',
      length: '4',
      body: '',
    });
  });

  it('redirects the bare site path to its folder', async () => {
    // Act
    const response = await rawRequest(gateway, '/dashboard?campaign=7');

    // Assess
    expect({ status: response.status, location: response.headers.location }).toStrictEqual({
      status: 301,
      location: '/dashboard/?campaign=7',
    });
  });

  it('lets API routes win, even under the site path, and answers unknown paths 404 with the errorBody hook', async () => {
    // Act
    const [status, report, unknown, wrongMethod] = await Promise.all([
      rawRequest(gateway, '/dashboard/status'),
      rawRequest(gateway, '/reports/7'),
      rawRequest(gateway, '/nothing/here'),
      rawRequest(gateway, '/events'),
    ]);

    // Assess
    expect([status.body, report.body]).toStrictEqual(['{"from":"function"}', '{"from":"function"}']);
    expect(invoked.sort()).toStrictEqual(['GET /dashboard/status', 'GET /reports/{id}']);
    expect({ status: unknown.status, body: JSON.parse(unknown.body) }).toStrictEqual({
      status: 404,
      body: { status: 404, reason: 'no_route', message: 'No route GET /nothing/here.' },
    });
    expect({
      status: wrongMethod.status,
      allow: wrongMethod.headers.allow,
      reason: JSON.parse(wrongMethod.body).reason,
    }).toStrictEqual({ status: 405, allow: 'POST', reason: 'method_not_allowed' });
  });

  it('answers a missing file 404 and a write 405, with the errorBody hook', async () => {
    // Act
    const [missing, post] = await Promise.all([
      rawRequest(gateway, '/dashboard/missing.js'),
      rawRequest(gateway, '/dashboard/main.js', 'POST'),
    ]);

    // Assess
    expect({ status: missing.status, body: JSON.parse(missing.body) }).toStrictEqual({
      status: 404,
      body: { status: 404, reason: 'no_file', message: 'No file /dashboard/missing.js in the static site.' },
    });
    expect({ status: post.status, allow: post.headers.allow, reason: JSON.parse(post.body).reason }).toStrictEqual({
      status: 405,
      allow: 'GET, HEAD',
      reason: 'method_not_allowed',
    });
  });

  it.each([
    '/dashboard/../secret.txt',
    '/dashboard/assets/../../secret.txt',
    '/dashboard/%2e%2e/secret.txt',
    '/dashboard/..%2fsecret.txt',
    '/dashboard/..%5csecret.txt',
    '/dashboard/assets',
    '/dashboard//secret.txt',
  ])('does not serve %s', async (requestPath) => {
    // Act
    const response = await rawRequest(gateway, requestPath);

    // Assess
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('top secret');
  });
});
