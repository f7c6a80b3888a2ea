import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { IngestBenchResults } from './types.ts';
import { round } from './statistics.ts';

/**
 * Writes `ingest-<timestamp>.json`, `ingest-latest.json` and the `ingest-latest.md` table to `dir`.
 * The timestamp is ISO 8601 with `:` and `.` made `-` so the name is valid on every file system.
 */
export async function writeIngestResults(dir: string, results: IngestBenchResults): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const stamp = results.startedAt.replace(/[:.]/g, '-');
  const json = `${JSON.stringify(results, null, 2)}\n`;
  const files = [
    path.join(dir, `ingest-${stamp}.json`),
    path.join(dir, 'ingest-latest.json'),
    path.join(dir, 'ingest-latest.md'),
  ];
  await Promise.all([
    writeFile(files[0]!, json),
    writeFile(files[1]!, json),
    writeFile(files[2]!, ingestMarkdown(results)),
  ]);
  return files;
}

export function ingestMarkdown(results: IngestBenchResults): string {
  const { machine, settings, singleEvent, batch } = results;
  const n = (value: number | undefined, digits = 0): string =>
    value === undefined || Number.isNaN(value) ? '–' : String(round(value, digits));
  const pct = (ratio: number): string => `${round(ratio * 100, 1)} %`;
  const single = (name: string, m: IngestBenchResults['singleEvent']['ingest']['median']): string =>
    `| ${name} | ${n(m.requestsPerSecondMean)} | ${n(m.requestsPerSecondMedian)} | ${n(m.latencyP50Ms, 1)} | ${n(m.latencyP99Ms, 1)} | ${n(m.non2xx)} | ${n(m.errors)} | ${n(m.serverCores, 2)} | ${n(m.serverCpuMsPerUnit, 3)} |`;
  const batchRow = (name: string, m: IngestBenchResults['batch']['ingest']['median']): string =>
    `| ${name} | ${n(m.unitsPerSecond)} | ${n(m.unitsPerSecondMedian)} | ${n(m.latencyP50Ms, 1)} | ${n(m.latencyP99Ms, 1)} | ${n(m.unitsNotCompleted)} | ${n(m.callErrors)} | ${n(m.serverCores, 2)} | ${n(m.serverCpuMsPerUnit, 4)} |`;
  return [
    `# Ingest benchmark, ${results.startedAt}`,
    '',
    `${machine.cpus} × ${machine.cpuModel}, ${machine.totalMemoryMb} MB, Node ${machine.node}, ${machine.platform}/${machine.arch}.`,
    `Load average ${machine.loadAverageAtStart.join(' / ')} at start, ${machine.loadAverageAtEnd.join(' / ')} at end. ` +
      `Median of ${settings.rounds} alternating runs each; ratios are ratios of medians. Server cores: CPU the serving process used, on average.`,
    '',
    `## Single event: \`POST /bid\`, ${settings.singleEvent.connections} connections, ${settings.singleEvent.warmupSeconds} s warm-up + ${settings.singleEvent.durationSeconds} s`,
    '',
    '| target | req/s (mean) | req/s (median of seconds) | p50 ms | p99 ms | non-2xx | errors | server cores | server CPU ms/req |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    single('local cloud ingest (stream consumers stopped)', singleEvent.ingest.median),
    single('the whole platform (every consumer running)', singleEvent.platform.median),
    single('bare Node http', singleEvent.bare.median),
    single('reference: 1-record PutRecords to kinesalite', singleEvent.rawSingleRecord.median),
    '',
    singleEventVerdict(singleEvent),
    `Ingest / bare: ${pct(singleEvent.ratio)}; ingest / 1-record PutRecords: ${pct(singleEvent.ratioToRawSingleRecord)}.`,
    ...(results.cpuBreakdown ? ['', ...breakdownTable(results.cpuBreakdown)] : []),
    '',
    `## Batches: ${settings.batch.size} mixed events per call, ${settings.batch.concurrency} concurrent, ${settings.batch.warmupSeconds} s warm-up + ${settings.batch.durationSeconds} s`,
    '',
    '| path | events/s | events/s (median of seconds) | call p50 ms | call p99 ms | events not accepted | failed calls | server cores | server CPU ms/event |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    batchRow('`POST /events` through the local cloud', batch.ingest.median),
    batchRow('PutRecords straight to kinesalite', batch.raw.median),
    '',
    `Batch / raw: **${pct(batch.ratio)}** (target ≥ ${pct(batch.target)}: ${batch.ratio >= batch.target ? 'met' : 'not met'}).`,
    '',
    ...results.notes.map((note) => `- ${note}`),
    '',
  ].join('\n');
}

/** The single-event targets, each with its verdict. */
function singleEventVerdict({ ingest, platform, target }: IngestBenchResults['singleEvent']): string {
  const verdict = (ok: boolean): string => (ok ? 'met' : 'missed');
  const rate = ingest.median.requestsPerSecondMean ?? Number.NaN;
  const p99 = ingest.median.latencyP99Ms ?? Number.NaN;
  const platformP99 = platform.median.latencyP99Ms ?? Number.NaN;
  return (
    `Targets: ≥ ${target.requestsPerSecond} req/s: **${round(rate)}** (${verdict(rate >= target.requestsPerSecond)}); ` +
    `p99 ≤ ${target.p99Ms} ms: **${round(p99, 1)} ms** (${verdict(p99 <= target.p99Ms)}); ` +
    `with the whole platform p99 ≤ ${target.platformP99Ms} ms: **${round(platformP99, 1)} ms** (${verdict(platformP99 <= target.platformP99Ms)}).`
  );
}

/** Where the CPU of one `POST /bid` goes, from the profiled run. */
function breakdownTable(breakdown: NonNullable<IngestBenchResults['cpuBreakdown']>): string[] {
  return [
    `### CPU per \`POST /bid\`: ${breakdown.cpuMsPerRequest} ms (profiled run, ${breakdown.requestsPerSecond} req/s)`,
    '',
    '| spent on | ms per request | share |',
    '| --- | ---: | ---: |',
    ...Object.entries(breakdown.msPerRequest).map(
      ([category, ms]) => `| ${category} | ${ms} | ${round((ms / breakdown.cpuMsPerRequest) * 100, 1)} % |`,
    ),
  ];
}
