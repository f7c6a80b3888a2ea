import { createHash } from 'node:crypto';
import { toViolations, validateImportBatch } from '@sdp/shared-contract';
import { ValidationFailedError } from '@sdp/shared-http';
import { IMPORT_MAX_AHEAD_MS } from './constants.js';
import { derivedEventId } from './derivedEventId.js';
import { checkRecordSize, rejected, type PlannedItem } from './planBatch.js';
import { readImportRow, type ImportRow } from './readImportRow.js';
import { stampClickstreamEvent } from './stampClickstreamEvent.js';
import { stampEvent } from './stampEvent.js';
import type { ItemError, StampedEvent } from './types.js';

/** Which stream an accepted row goes to. */
export type ImportStream = 'raw' | 'clickstream';

export type PlannedImport =
  | (PlannedItem<StampedEvent<{ event_id: string; received_at: string }>> & { stream?: ImportStream })
  | { index: number; duplicateOf: number; eventId: string };

export interface ImportContext {
  /** The tenant of the key that sent the rows */
  tenant: string;
  /** Ingest's clock when the request arrived */
  now: Date;
  /** The oldest event time taken is `now` minus this (`importMaxAgeHours`) */
  maxAgeMs: number;
}

/**
 * Decides, for each row of a `POST /import` body, whether it goes to a stream (stamped with its own
 * event time as `received_at` and marked `source: import`), is an identical copy of an earlier row
 * of the request (written once), or is rejected with its reason: invalid, older than `maxAgeMs`
 * (`too_old`) or ahead of the clock (`in_future`). A row's `event_id` derives from the tenant and
 * the row's content, so a re-import names the same events and the pipeline counts them once.
 * A body that is not `{"rows": [...]}` with 1 to 500 objects rejects the whole request.
 *
 * @example
 * planImport({ rows: [{ type: 'click', tx_id: 't1', event_time: 1796634000000 }, { type: 'click' }] }, context)
 * // [{ index: 0, ok: true, stream: 'raw', stamped }, { index: 1, ok: false, error: { code: 'validation_failed', … } }]
 */
export function planImport(body: unknown, context: ImportContext): PlannedImport[] {
  if (!validateImportBatch(body))
    throw new ValidationFailedError('import batch', toViolations(validateImportBatch.errors));
  const firstIndexOf = new Map<string, number>();
  return body.rows.map((item, index): PlannedImport => {
    const reading = readImportRow(item, `$.rows[${index}]`);
    if (!reading.ok) return rejected(index, reading.violations);
    const { row } = reading;
    const outOfRange = checkEventTime(row.eventTimeMs, context);
    if (outOfRange) return { index, ok: false, error: outOfRange };
    const eventId = importedEventId(context.tenant, row);
    const first = firstIndexOf.get(eventId);
    if (first !== undefined) return { index, duplicateOf: first, eventId };
    firstIndexOf.set(eventId, index);
    const stamp = { eventId, receivedAt: new Date(row.eventTimeMs), tenant: context.tenant, importedAt: context.now };
    const stamped =
      row.kind === 'ad' ? stampEvent(row.type, row.event, stamp) : stampClickstreamEvent(row.event, stamp);
    return { ...checkRecordSize(index, stamped), stream: row.kind === 'ad' ? 'raw' : 'clickstream' };
  });
}

/** `too_old` or `in_future` for an event time outside what an import takes, nothing otherwise. */
function checkEventTime(eventTimeMs: number, context: ImportContext): ItemError | undefined {
  const at = Number.isFinite(new Date(eventTimeMs).getTime()) ? new Date(eventTimeMs).toISOString() : `${eventTimeMs}`;
  const hours = context.maxAgeMs / 3_600_000;
  if (eventTimeMs < context.now.getTime() - context.maxAgeMs)
    return {
      code: 'too_old',
      message: `The event happened at ${at}, more than ${hours} h ago; imports take events up to ${hours} h old (importMaxAgeHours), the horizon within which every consumer still recognises an event it counted.`,
    };
  if (eventTimeMs > context.now.getTime() + IMPORT_MAX_AHEAD_MS)
    return {
      code: 'in_future',
      message: `The event's time ${at} is more than ${IMPORT_MAX_AHEAD_MS / 60_000} minutes ahead of ingest's clock (${context.now.toISOString()}); send its time with its offset (e.g. 2026-12-07T10:00:00Z).`,
    };
  return undefined;
}

/** The same row content within a tenant always gets the same id: key order and spelling of the time do not matter. */
function importedEventId(tenant: string, row: ImportRow): string {
  const content = canonicalJson({ ...row.event, event_time: row.eventTimeMs });
  const digest = createHash('sha256').update(content).digest('hex');
  return derivedEventId(tenant, row.kind === 'ad' ? row.type : 'clickstream', `import:${digest}`);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null)
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}
