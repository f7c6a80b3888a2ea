import type { FunctionPool } from '../functions/FunctionPool.js';
import type { LocalFunction, StreamEventSettings } from '../project/types.js';
import { createEventSourceMapping } from './createEventSourceMapping.js';
import { createSchedule } from './schedule/createSchedule.js';
import type { EventSourceMapping, EventSourceMappingDeps, StreamTrigger } from './types.js';

export interface TriggersOptions extends Omit<EventSourceMappingDeps, 'log'> {
  /** Called with each trigger's stop, to be run when the cloud stops */
  onStop: (stop: () => Promise<void>) => void;
  log: (message: string) => void;
}

/**
 * Starts what invokes functions on its own: every `stream` event of every function as an event
 * source mapping (its checkpoints under `stateDir`) and every `schedule`, each invoking through the
 * function's pool. Resolves with the mappings once each has read where it starts.
 *
 * @example
 * const mappings = await startTriggers(project.functions, pools, { kinesisEndpoint, dynamoDbEndpoint, stateDir, onFailure, onStop, log });
 */
export async function startTriggers(
  functions: readonly LocalFunction[],
  pools: ReadonlyMap<string, FunctionPool>,
  options: TriggersOptions,
): Promise<{ functionName: string; mapping: EventSourceMapping }[]> {
  const { onStop, log, ...deps } = options;
  const mappings: { functionName: string; mapping: EventSourceMapping }[] = [];
  for (const fn of functions) {
    const invoke = (event: unknown) => pools.get(fn.name)!.invoke(event);
    for (const settings of fn.streams.filter((s) => s.enabled !== false)) {
      const mapping = createEventSourceMapping(toStreamTrigger(fn, settings), invoke, {
        ...deps,
        log: (message, data) => log(`${fn.name}: ${message}${data ? ` ${JSON.stringify(data)}` : ''}`),
      });
      await mapping.start();
      onStop(() => mapping.stop());
      mappings.push({ functionName: fn.name, mapping });
    }
    for (const schedule of fn.schedules) {
      const running = createSchedule(schedule.rule, invoke, {
        ...(schedule.input === undefined ? {} : { input: schedule.input }),
        log: (message) => log(`${fn.name}: ${message}`),
      });
      running.start();
      onStop(async () => running.stop());
    }
  }
  return mappings;
}

/** A function's `stream` event with Lambda's defaults for what it leaves out. */
export function toStreamTrigger(fn: LocalFunction, settings: StreamEventSettings): StreamTrigger {
  const kind = settings.type ?? (settings.arn.startsWith('arn:aws:dynamodb') ? 'dynamodb' : 'kinesis');
  return {
    functionName: fn.name,
    kind,
    streamArn: settings.arn,
    batchSize: settings.batchSize ?? 100,
    maximumBatchingWindowInSeconds: settings.batchWindow ?? 0,
    startingPosition: settings.startingPosition ?? 'TRIM_HORIZON',
    ...(settings.startingPositionTimestamp === undefined
      ? {}
      : { startingPositionTimestamp: settings.startingPositionTimestamp }),
    maximumRetryAttempts: settings.maximumRetryAttempts ?? -1,
    maximumRecordAgeInSeconds: settings.maximumRecordAgeInSeconds ?? -1,
    bisectBatchOnFunctionError: settings.bisectBatchOnFunctionError ?? false,
    reportBatchItemFailures: settings.functionResponseType === 'ReportBatchItemFailures',
    ...(settings.onFailureArn ? { onFailureArn: settings.onFailureArn } : {}),
  };
}
