import { execFile } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The path of a Chromium for the browser tests: `chromium` on the PATH, else Debian's `chromium`
 * package, installed with apt-get (the tests run as root in CI). A package install already running
 * (apt-get or dpkg, e.g. one started in the background) is waited for rather than raced, since a
 * second one would only fail on the dpkg lock. Rejects after `timeoutMs`.
 *
 * @example
 * const browser = await chromium.launch({ executablePath: await ensureChromium(), args: ['--no-sandbox'] });
 */
export async function ensureChromium(timeoutMs = 600_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while ((await packageManagerRunning()) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  const found = await chromiumOnPath();
  if (found) return found;
  if (process.getuid?.() !== 0) {
    throw new Error(
      'The browser tests need Chromium: install it with `sudo apt-get install -y chromium` (Debian/Ubuntu), then run again.',
    );
  }
  const options = {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    timeout: Math.max(1, deadline - Date.now()),
    maxBuffer: 64 * 1024 * 1024,
  };
  await run('apt-get', ['update'], options);
  await run('apt-get', ['install', '-y', '-o', 'DPkg::Lock::Timeout=300', 'chromium'], options);
  const installed = await chromiumOnPath();
  if (!installed) throw new Error('apt-get installed chromium, yet `chromium` is not on the PATH.');
  return installed;
}

async function chromiumOnPath(): Promise<string | undefined> {
  const { stdout } = await run('sh', ['-c', 'command -v chromium || true']);
  return stdout.trim() || undefined;
}

/** Whether apt-get, apt or dpkg is running on this machine right now. */
async function packageManagerRunning(): Promise<boolean> {
  const processes = (await readdir('/proc').catch(() => [])).filter((entry) => /^\d+$/.test(entry));
  const names = await Promise.all(processes.map((pid) => readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '')));
  return names.some((name) => ['apt-get', 'apt', 'dpkg'].includes(name.trim()));
}
