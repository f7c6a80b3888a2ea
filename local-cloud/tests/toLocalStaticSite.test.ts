import { InvalidStaticSiteError } from '../src/errors.js';
import { toLocalStaticSite } from '../src/project/toLocalStaticSite.js';
import type { PrintedService, StaticSiteSettings } from '../src/project/types.js';

const serviceWith = (staticSite?: StaticSiteSettings): PrintedService => ({
  service: 'sdp-dashboard',
  provider: { region: 'us-east-1', stage: 'local' },
  custom: staticSite ? { staticSite } : {},
});

describe('toLocalStaticSite', () => {
  it('resolves the declared folder and entry points against the service directory', () => {
    // Act
    const site = toLocalStaticSite(
      serviceWith({ path: '/dashboard', dir: 'public', entryPoints: ['src/browser/main.ts'] }),
      '/repo/services/dashboard',
    );

    // Assess
    expect(site).toStrictEqual({
      service: 'sdp-dashboard',
      path: '/dashboard',
      dir: '/repo/services/dashboard/public',
      entryPoints: ['/repo/services/dashboard/src/browser/main.ts'],
    });
  });

  it('is undefined for a service without a static site', () => {
    // Act
    const site = toLocalStaticSite(serviceWith(), '/repo/services/report');

    // Assess
    expect(site).toBeUndefined();
  });

  it.each([
    [
      { path: 'dashboard', dir: 'public' },
      'path must look like /dashboard (letters, digits, . _ ~ -; no trailing slash), not "dashboard"',
    ],
    [
      { path: '/dashboard/', dir: 'public' },
      'path must look like /dashboard (letters, digits, . _ ~ -; no trailing slash), not "/dashboard/"',
    ],
    [
      { path: '/', dir: 'public' },
      'path must look like /dashboard (letters, digits, . _ ~ -; no trailing slash), not "/"',
    ],
    [
      { path: '/sites/{name}', dir: 'public' },
      'path must look like /dashboard (letters, digits, . _ ~ -; no trailing slash), not "/sites/{name}"',
    ],
    [{ path: '/dashboard' }, 'has neither dir nor entryPoints, so there is nothing to serve'],
    [{ path: '/dashboard', entryPoints: 'src/main.ts' }, 'dir must be a folder and entryPoints a list of files'],
    [{ path: '/dashboard', dir: ['public'] }, 'dir must be a folder and entryPoints a list of files'],
  ])('refuses %j', (settings, reason) => {
    // Act
    const act = () => toLocalStaticSite(serviceWith(settings as StaticSiteSettings), '/repo/services/dashboard');

    // Assess
    expect(act).toThrow(new InvalidStaticSiteError('sdp-dashboard', reason));
  });
});
