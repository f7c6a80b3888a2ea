import type { ClosedLoopResult } from './runClosedLoop.ts';
import type { SingleEventLoad, SingleEventRun } from './runAutocannon.ts';

export interface Measurement<Run> {
  runs: Run[];
  median: Partial<Record<keyof Run, number>>;
}

/** How much of the machine a run took, in cores on average (Linux only); per unit is per request or per event. */
export interface CpuUse {
  serverCores?: number;
  loadGeneratorCores?: number;
  serverCpuMsPerUnit?: number;
}

export type SingleRun = SingleEventRun & CpuUse;
export type BatchRun = ClosedLoopResult & CpuUse;

/** What `npm run bench:ingest` writes to bench/results/ingest-*.json. */
export interface IngestBenchResults {
  startedAt: string;
  durationSeconds: number;
  machine: {
    cpus: number;
    cpuModel: string;
    totalMemoryMb: number;
    node: string;
    platform: string;
    arch: string;
    osRelease: string;
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
  };
  settings: {
    rounds: number;
    singleEvent: SingleEventLoad & { body: string };
    batch: {
      size: number;
      concurrency: number;
      warmupSeconds: number;
      durationSeconds: number;
      distinctBatches: number;
      bodyBytes: number;
      recordBytes: number;
    };
    streamConsumersStopped: string[];
    localCloudStartupMs: number;
  };
  singleEvent: {
    /** The local cloud with its stream consumers stopped: ingest alone */
    ingest: Measurement<SingleRun>;
    /** The whole platform as `npm start` runs it, every consumer reading the streams */
    platform: Measurement<SingleRun>;
    bare: Measurement<SingleRun>;
    /** Reference: single-record PutRecords straight to the same kinesalite, same connections and duration */
    rawSingleRecord: Measurement<SingleRun>;
    /** median ingest req/s (mean of seconds) / median bare req/s */
    ratio: number;
    ratioOfPerSecondMedians: number;
    /** median ingest req/s / median single-record PutRecords/s: how much of kinesalite's own ceiling ingest reaches */
    ratioToRawSingleRecord: number;
    target: { requestsPerSecond: number; p99Ms: number; platformP99Ms: number };
  };
  batch: {
    ingest: Measurement<BatchRun>;
    raw: Measurement<BatchRun>;
    /** median ingest events/s / median raw records/s */
    ratio: number;
    target: number;
  };
  /** `--profile`: CPU per request by what it was spent on, from V8 profiles of the local cloud's threads */
  cpuBreakdown?: { requestsPerSecond: number; cpuMsPerRequest: number; msPerRequest: Record<string, number> };
  localCloud?: {
    gateway: { requests: number; byStatus: Record<string, number> };
    invocations: Record<string, { invocations: number; errors: number }>;
  };
  notes: string[];
}
