import path from 'node:path';

/** A built static site mounted on the gateway: files under `root` answer requests under `path`. */
export interface StaticSiteMount {
  /** URL path prefix without a trailing slash, e.g. `/dashboard` */
  path: string;
  /** Absolute directory of the built site */
  root: string;
}

export type StaticPathMatch =
  | { kind: 'file'; file: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'bad_path'; detail: string }
  | { kind: 'not_found' };

/**
 * Maps a request path to a file of a static site, or undefined when the path is not under the site.
 * `/dashboard` redirects to `/dashboard/` (so the page's relative URLs resolve under it), a path
 * ending in `/` means its `index.html`, and no decoded segment may step out of the site (`..`, `.`,
 * an encoded `/` or `\`, NUL): such paths are not found, whatever is on disk.
 *
 * @example
 * resolveStaticPath({ path: '/dashboard', root: '/site' }, '/dashboard/main.js', '')   // { kind: 'file', file: '/site/main.js' }
 * resolveStaticPath({ path: '/dashboard', root: '/site' }, '/dashboard/../etc', '')    // { kind: 'not_found' }
 */
export function resolveStaticPath(
  site: StaticSiteMount,
  requestPath: string,
  search: string,
): StaticPathMatch | undefined {
  if (requestPath === site.path) return { kind: 'redirect', location: `${site.path}/${search}` };
  if (!requestPath.startsWith(`${site.path}/`)) return undefined;
  const relative = requestPath.slice(site.path.length + 1);
  const segments = (relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative).split('/');
  let decoded: string[];
  try {
    decoded = segments.map((segment) => decodeURIComponent(segment));
  } catch {
    return { kind: 'bad_path', detail: `the path ${requestPath} has a malformed percent-escape` };
  }
  if (decoded.some((segment) => segment === '' || segment === '.' || segment === '..' || /[/\\\0]/.test(segment))) {
    return { kind: 'not_found' };
  }
  const file = path.join(site.root, ...decoded);
  // Belt and braces: the checks above already keep every path inside the root.
  return file.startsWith(site.root + path.sep) ? { kind: 'file', file } : { kind: 'not_found' };
}
