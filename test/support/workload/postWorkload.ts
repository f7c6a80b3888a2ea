import type { AcceptedEvent } from './computeOracle.js';
import type { WorkloadEvent } from './generateWorkload.js';

/**
 * Posts the workload's batches to `POST /events` in order, a few at a time, and returns every
 * accepted event with its ingest time and sequence number. Fails on any rejected item: the workload
 * is valid by construction.
 */
export async function postWorkload(
  target: { url: string; apiKey: string | undefined },
  batches: readonly WorkloadEvent[][],
  concurrency = 4,
): Promise<AcceptedEvent[]> {
  const accepted: AcceptedEvent[] = [];
  for (let start = 0; start < batches.length; start += concurrency) {
    await Promise.all(
      batches.slice(start, start + concurrency).map(async (events) => {
        const response = await fetch(`${target.url}/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': target.apiKey ?? '' },
          body: JSON.stringify({ events }),
        });
        const text = await response.text();
        if (response.status !== 200 && response.status !== 207) {
          throw new Error(`POST /events answered ${response.status}: ${text}`);
        }
        const body = JSON.parse(text) as {
          results: { status: string; received_at: string; sequence_number: string; error?: unknown }[];
        };
        body.results.forEach((result, i) => {
          if (result.status !== 'accepted') throw new Error(`event ${i} was rejected: ${JSON.stringify(result.error)}`);
          accepted.push({ event: events[i]!, receivedAt: result.received_at, sequenceNumber: result.sequence_number });
        });
      }),
    );
  }
  return accepted;
}
