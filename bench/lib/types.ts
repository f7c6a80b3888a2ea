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
    batch: { size: number; concurrency: number; warmupSeconds: number; durationSeconds: number; distinctBatches: number; bodyBytes: number; recordBytes: number };
    streamConsumersStopped: string[];
    localCloudStartupMs: number;
  };
  singleEvent: {
    ingest: Measurement<SingleRun>;
    bare: Measurement<SingleRun>;
    /** Reference: single-record PutRecords straight to the same kinesalite, same connections and duration */
    rawSingleRecord: Measurement<SingleRun>;
    /** median ingest req/s (mean of seconds) / median bare req/s */
    ratio: number;
    ratioOfPerSecondMedians: number;
    /** median ingest req/s / median single-record PutRecords/s: how much of kinesalite's own ceiling ingest reaches */
    ratioToRawSingleRecord: number;
    target: number;
  };
  batch: {
    ingest: Measurement<BatchRun>;
    raw: Measurement<BatchRun>;
    /** median ingest events/s / median raw records/s */
    ratio: number;
    target: number;
  };
  localCloud?: { gateway: { requests: number; byStatus: Record<string, number> }; invocations: Record<string, { invocations: number; errors: number }> };
  notes: string[];
}
