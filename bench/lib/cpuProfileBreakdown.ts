import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** A V8 CPU profile as `--cpu-prof` writes it (the parts read here). */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a sample's time went, by what the code is for. */
export type CpuCategory =
  | 'gateway (HTTP server, API Gateway event)'
  | 'function instances (worker threads, messaging)'
  | 'function code (handler, middy, Powertools, validation)'
  | 'AWS SDK (serialize, sign, HTTP client)'
  | 'Kinesis emulator (kinesalite, group commit)'
  | 'stream pollers and other local cloud code'
  | 'Node HTTP and sockets'
  | 'garbage collection'
  | 'module loading (cold starts)'
  | 'other';

/**
 * The category of one profile frame, from its script: the local cloud's own directories, the
 * bundles of the functions, the packages they use.
 */
export function categoryOf(functionName: string, url: string): CpuCategory {
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (
    /node:internal\/modules|cjs-module-lexer|internal\/bootstrap\/realm|source_map|esm\/(loader|get_format|utils|resolve|hooks)/.test(
      url,
    ) ||
    /^(compileForInternalLoader|wrapSafe|compileSourceTextModule)$/.test(functionName)
  ) {
    return 'module loading (cold starts)';
  }
  if (/local-cloud\/src\/gateway/.test(url)) return 'gateway (HTTP server, API Gateway event)';
  if (
    /local-cloud\/src\/functions|node:internal\/worker/.test(url) ||
    functionName === 'postMessage' ||
    functionName === 'receiveMessageOnPort'
  ) {
    return 'function instances (worker threads, messaging)';
  }
  if (
    /node_modules\/(kinesalite|leveldown|levelup|level-|abstract-leveldown|encoding-down|deferred-leveldown|lazy|once|bignumber)/.test(
      url,
    ) ||
    /startKinesis|kinesaliteSequences/.test(url) ||
    /^LevelDOWN\./.test(functionName)
  ) {
    return 'Kinesis emulator (kinesalite, group commit)';
  }
  if (/node_modules\/(@aws-sdk|@smithy|@aws-crypto)/.test(url) || /node:internal\/crypto/.test(url))
    return 'AWS SDK (serialize, sign, HTTP client)';
  if (/\.data\/cache\/bundles|\.data\/build/.test(url)) return 'function code (handler, middy, Powertools, validation)';
  if (/local-cloud\/src/.test(url)) return 'stream pollers and other local cloud code';
  if (
    /node:(_http|http|net|internal\/(streams|net|http|stream_base|dns))/.test(url) ||
    functionName === 'writev' ||
    functionName === 'writeUtf8String' ||
    functionName === 'writeBuffer'
  ) {
    return 'Node HTTP and sockets';
  }
  return 'other';
}

/**
 * Milliseconds of CPU by category over every `.cpuprofile` in `dir` (a process's main thread and
 * its worker threads, as `--cpu-prof` and `LOCAL_CLOUD_CPU_PROFILE` write them), idle time left out.
 */
export async function cpuBreakdown(dir: string): Promise<Record<CpuCategory, number>> {
  const totals = {} as Record<CpuCategory, number>;
  for (const file of (await readdir(dir)).filter((name) => name.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as CpuProfile;
    const categories = new Map(
      profile.nodes.map((node) => [
        node.id,
        node.callFrame.functionName === '(idle)'
          ? undefined
          : categoryOf(node.callFrame.functionName, node.callFrame.url),
      ]),
    );
    profile.samples.forEach((id, i) => {
      const category = categories.get(id);
      if (category) totals[category] = (totals[category] ?? 0) + profile.timeDeltas[i]! / 1000;
    });
  }
  return totals;
}
