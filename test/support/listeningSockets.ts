import { readdir, readFile, readlink } from 'node:fs/promises';
import { BlockList } from 'node:net';

/** A TCP socket in the LISTEN state, and the process that holds it. */
export interface ListeningSocket {
  /** The address it is bound to, as Node writes it: `127.0.0.1`, `0.0.0.0`, `::`, `::ffff:127.0.0.1` */
  address: string;
  port: number;
  /** The holder's command name (`/proc/<pid>/comm`): `node`, `java` */
  command: string;
}

const LISTEN = '0A';
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');
LOOPBACK.addSubnet('::ffff:127.0.0.0', 104, 'ipv6');

/**
 * Every TCP socket listening in the process `rootPid` or any of its descendants, read from Linux's
 * `/proc` (the sockets' inodes in `/proc/<pid>/fd`, their addresses in `/proc/net/tcp` and `tcp6`).
 * An empty list elsewhere than on Linux.
 *
 * @example
 * ```ts
 * const exposed = (await listeningSocketsOf(child.pid!)).filter((socket) => !isLoopback(socket.address));
 * ```
 */
export async function listeningSocketsOf(rootPid: number): Promise<ListeningSocket[]> {
  const listening = new Map([
    ...(await listeningByInode('/proc/net/tcp')),
    ...(await listeningByInode('/proc/net/tcp6')),
  ]);
  const sockets: ListeningSocket[] = [];
  for (const pid of await descendantsOf(rootPid)) {
    const command = (await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '?')).trim();
    const fds = await readdir(`/proc/${pid}/fd`).catch(() => [] as string[]);
    for (const fd of fds) {
      const inode = /^socket:\[(\d+)\]$/.exec(await readlink(`/proc/${pid}/fd/${fd}`).catch(() => ''))?.[1];
      const socket = inode === undefined ? undefined : listening.get(inode);
      if (socket) sockets.push({ ...socket, command });
    }
  }
  return sockets.sort((a, b) => a.port - b.port);
}

/** Whether an address is this machine's alone: 127.0.0.0/8, `::1`, or 127.x mapped into IPv6. */
export function isLoopback(address: string): boolean {
  return LOOPBACK.check(address, address.includes(':') ? 'ipv6' : 'ipv4');
}

/** The LISTEN sockets of one `/proc/net/tcp*` table by inode. */
async function listeningByInode(table: string): Promise<Map<string, Omit<ListeningSocket, 'command'>>> {
  const lines = (await readFile(table, 'utf8').catch(() => '')).split('\n').slice(1);
  const sockets = new Map<string, Omit<ListeningSocket, 'command'>>();
  for (const line of lines) {
    const fields = line.trim().split(/\s+/);
    if (fields[3] !== LISTEN) continue;
    const [hexAddress, hexPort] = fields[1]!.split(':') as [string, string];
    sockets.set(fields[9]!, { address: decodeAddress(hexAddress), port: parseInt(hexPort, 16) });
  }
  return sockets;
}

/** `/proc/net/tcp*` writes an address as 32-bit words in the machine's (little-endian) byte order. */
function decodeAddress(hex: string): string {
  const bytes = (hex.match(/.{8}/g) ?? []).flatMap((word) => [...Buffer.from(word, 'hex').reverse()]);
  if (bytes.length === 4) return bytes.join('.');
  const groups = Array.from({ length: 8 }, (_, i) => ((bytes[2 * i]! << 8) | bytes[2 * i + 1]!).toString(16));
  const address = new URL(`http://[${groups.join(':')}]`).hostname.slice(1, -1);
  // Node writes an IPv4-mapped address with its IPv4 part dotted, as `ss` does.
  return /^::ffff:[0-9a-f]+:[0-9a-f]+$/.test(address) ? `::ffff:${bytes.slice(12).join('.')}` : address;
}

/** `rootPid` and every process below it (a detached child still names its parent). */
async function descendantsOf(rootPid: number): Promise<number[]> {
  const pids = (await readdir('/proc').catch(() => [] as string[])).filter((name) => /^\d+$/.test(name));
  const parents = new Map<number, number>();
  for (const pid of pids) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    // The command name in parentheses may hold spaces; the parent's pid is the second field after it.
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (Number.isInteger(parent)) parents.set(Number(pid), parent);
  }
  const found = [rootPid];
  for (let i = 0; i < found.length; i++) {
    for (const [pid, parent] of parents) if (parent === found[i]) found.push(pid);
  }
  return found;
}
