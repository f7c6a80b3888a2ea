import type { components } from '@sdp/shared-contract';
import type { PutOutcome } from '@sdp/shared-streams';
import type { PlannedImport } from './planImport.js';
import { summarizeBatch, type BatchResponse } from './summarizeBatch.js';

type ImportResult = components['schemas']['ImportResult'];

export interface ImportResponse extends Omit<BatchResponse, 'body'> {
  body: ImportResult;
}

/**
 * The per-row answer of `POST /import`: the written rows and the rejected ones as `POST /events`
 * answers them (`outcomes[i]` belongs to the i-th row that went to a stream, in request order, and
 * 429/503 only when the streams took none), and each copy of an earlier row as `duplicate`.
 */
export function summarizeImport(plan: readonly PlannedImport[], outcomes: readonly PutOutcome[]): ImportResponse {
  const written = plan.filter(
    (item): item is Exclude<PlannedImport, { duplicateOf: number }> => !('duplicateOf' in item),
  );
  const { statusCode, headers, body } = summarizeBatch(written, outcomes);
  const results: ImportResult['results'] = [...body.results];
  let duplicates = 0;
  for (const item of plan) {
    if (!('duplicateOf' in item)) continue;
    duplicates++;
    results.push({ index: item.index, status: 'duplicate', event_id: item.eventId, duplicate_of: item.duplicateOf });
  }
  results.sort((a, b) => a.index - b.index);
  return { statusCode, headers, body: { accepted: body.accepted, rejected: body.rejected, duplicates, results } };
}
