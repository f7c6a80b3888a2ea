import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { OnFailureSink } from './types.js';

/**
 * On-failure destination that appends each invocation record as one JSON line to
 * `<dir>/<queue-or-topic-name>.jsonl`, the name being the last segment of the destination ARN.
 *
 * @example
 * ```ts
 * const sink = fileOnFailureSink('.data/on-failure');
 * await sink.send('arn:aws:sqs:us-east-1:000000000000:enrich-dlq', record); // → .data/on-failure/enrich-dlq.jsonl
 * ```
 */
export const fileOnFailureSink = (dir: string): OnFailureSink => ({
  send: async (destinationArn, record) => {
    const name = destinationArn.split(':').pop() || 'on-failure';
    await mkdir(dir, { recursive: true });
    await appendFile(join(dir, `${name}.jsonl`), `${JSON.stringify(record)}\n`);
  },
});
