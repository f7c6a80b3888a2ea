import { resolveStaticPath } from '../src/gateway/resolveStaticPath.js';

const site = { path: '/dashboard', root: '/srv/site' };

describe('resolveStaticPath', () => {
  it.each([
    ['/dashboard/', '/srv/site/index.html'],
    ['/dashboard/main.js', '/srv/site/main.js'],
    ['/dashboard/assets/', '/srv/site/assets/index.html'],
    ['/dashboard/assets/logo%20dark.svg', '/srv/site/assets/logo dark.svg'],
  ])('maps %s to a file of the site', (requestPath, file) => {
    // Act
    const match = resolveStaticPath(site, requestPath, '');

    // Assess
    expect(match).toStrictEqual({ kind: 'file', file });
  });

  it('redirects the bare site path to its folder, keeping the query, so relative URLs resolve under it', () => {
    // Act
    const match = resolveStaticPath(site, '/dashboard', '?campaign=7');

    // Assess
    expect(match).toStrictEqual({ kind: 'redirect', location: '/dashboard/?campaign=7' });
  });

  it.each(['/', '/dashboards', '/dashboardx/main.js', '/reports/campaigns', '/Dashboard/'])(
    'leaves %s to the routes',
    (requestPath) => {
      // Act
      const match = resolveStaticPath(site, requestPath, '');

      // Assess
      expect(match).toBeUndefined();
    },
  );

  it.each([
    '/dashboard/../package.json',
    '/dashboard/assets/../../secret',
    '/dashboard/%2e%2e/package.json',
    '/dashboard/%2E%2E/package.json',
    '/dashboard/..%2fpackage.json',
    '/dashboard/..%5cpackage.json',
    '/dashboard/./main.js',
    '/dashboard//etc/passwd',
    '/dashboard/main.js%00.png',
  ])('never steps out of the site for %s', (requestPath) => {
    // Act
    const match = resolveStaticPath(site, requestPath, '');

    // Assess
    expect(match).toStrictEqual({ kind: 'not_found' });
  });

  it('refuses a malformed percent-escape', () => {
    // Act
    const match = resolveStaticPath(site, '/dashboard/%zz.js', '');

    // Assess
    expect(match).toStrictEqual({
      kind: 'bad_path',
      detail: 'the path /dashboard/%zz.js has a malformed percent-escape',
    });
  });
});
