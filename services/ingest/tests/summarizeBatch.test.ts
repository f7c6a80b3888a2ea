import type { PutOutcome } from '@sdp/shared-streams';
import { validateBatchResult } from '@sdp/shared-contract';
import type { PlannedItem } from '../src/domain/planBatch.js';
import { stampEvent } from '../src/domain/stampEvent.js';
import { summarizeBatch, type BatchResponse } from '../src/domain/summarizeBatch.js';
import type { ItemError } from '../src/domain/types.js';
import { eventIdOf, RECEIVED_AT, stampOf } from './support/adEvents.js';

const RECEIVED = RECEIVED_AT.toISOString();

function plannedClick(index: number): PlannedItem {
  return { index, ok: true, stamped: stampEvent('click', { tx_id: `tx-${index}`, type: 'click' }, stampOf(index)) };
}

function plannedRejection(index: number, error: ItemError = invalidTxId(index)): PlannedItem {
  return { index, ok: false, error };
}

function invalidTxId(index: number): ItemError {
  return {
    code: 'validation_failed',
    message: `The event is invalid: $.events[${index}].tx_id is required.`,
    violations: [{ path: `$.events[${index}].tx_id`, message: 'is required' }],
  };
}

function stored(sequenceNumber: string, shardId = 'shardId-000000000000'): PutOutcome {
  return { ok: true, shardId, sequenceNumber };
}

function refused(errorCode = 'ProvisionedThroughputExceededException'): PutOutcome {
  return { ok: false, errorCode, errorMessage: 'Rate exceeded for shard shardId-000000000000', retryable: true };
}

function acceptedResult(index: number, sequenceNumber: string, shardId = 'shardId-000000000000'): unknown {
  return {
    index,
    status: 'accepted',
    event_id: eventIdOf(index),
    received_at: RECEIVED,
    shard_id: shardId,
    sequence_number: sequenceNumber,
  };
}

function streamRejection(index: number, errorCode: string): unknown {
  const code = errorCode === 'ProvisionedThroughputExceededException' ? 'stream_throttled' : 'stream_unavailable';
  return {
    index,
    status: 'rejected',
    error: { code, message: `The stream did not store this event (${errorCode}); send it again after 1 s.` },
  };
}

function expectContractBody(response: BatchResponse): void {
  const valid = validateBatchResult(JSON.parse(JSON.stringify(response.body)));
  expect({ valid, errors: validateBatchResult.errors ?? [] }).toStrictEqual({ valid: true, errors: [] });
}

describe('summarizeBatch', () => {
  it('answers 200 with every item accepted and where it was stored', () => {
    // Prepare
    const plan = [plannedClick(0), plannedClick(1), plannedClick(2)];
    const outcomes = [stored('seq-0'), stored('seq-1', 'shardId-000000000001'), stored('seq-2')];

    // Act
    const response = summarizeBatch(plan, outcomes);

    // Assess
    expect(response).toStrictEqual({
      statusCode: 200,
      headers: {},
      body: {
        accepted: 3,
        rejected: 0,
        results: [
          acceptedResult(0, 'seq-0'),
          acceptedResult(1, 'seq-1', 'shardId-000000000001'),
          acceptedResult(2, 'seq-2'),
        ],
      },
    });
    expectContractBody(response);
  });

  it('pairs each outcome with the next written item, skipping items rejected before the write', () => {
    // Prepare: outcomes[i] belongs to the i-th item that was written
    const plan = [plannedRejection(0), plannedClick(1), plannedRejection(2), plannedClick(3), plannedClick(4)];
    const outcomes = [stored('seq-1'), refused('InternalFailure'), stored('seq-4')];

    // Act
    const response = summarizeBatch(plan, outcomes);

    // Assess
    expect(response).toStrictEqual({
      statusCode: 200,
      headers: {},
      body: {
        accepted: 2,
        rejected: 3,
        results: [
          { index: 0, status: 'rejected', error: invalidTxId(0) },
          acceptedResult(1, 'seq-1'),
          { index: 2, status: 'rejected', error: invalidTxId(2) },
          streamRejection(3, 'InternalFailure'),
          acceptedResult(4, 'seq-4'),
        ],
      },
    });
    expectContractBody(response);
  });

  it('answers 503 with Retry-After when the stream refused every event it was given', () => {
    // Prepare
    const plan = [plannedClick(0), plannedClick(1)];
    const outcomes = [refused(), refused('InternalFailure')];

    // Act
    const response = summarizeBatch(plan, outcomes);

    // Assess
    expect(response).toStrictEqual({
      statusCode: 503,
      headers: { 'Retry-After': '1' },
      body: {
        accepted: 0,
        rejected: 2,
        results: [streamRejection(0, 'ProvisionedThroughputExceededException'), streamRejection(1, 'InternalFailure')],
      },
    });
    expectContractBody(response);
  });

  it('answers 429 when the stream throttled every event it was given, even though some items were invalid', () => {
    // Prepare
    const tooLarge: ItemError = {
      code: 'payload_too_large',
      message: 'The event is 1048600 bytes with its envelope; a stream record holds at most 1048576 bytes.',
    };
    const plan = [plannedRejection(0), plannedClick(1), plannedRejection(2, tooLarge)];
    const outcomes = [refused()];

    // Act
    const response = summarizeBatch(plan, outcomes);

    // Assess
    expect(response).toStrictEqual({
      statusCode: 429,
      headers: { 'Retry-After': '1' },
      body: {
        accepted: 0,
        rejected: 3,
        results: [
          { index: 0, status: 'rejected', error: invalidTxId(0) },
          streamRejection(1, 'ProvisionedThroughputExceededException'),
          { index: 2, status: 'rejected', error: tooLarge },
        ],
      },
    });
    expectContractBody(response);
  });

  it('answers 200 when every item was rejected for its content and nothing was written', () => {
    // Prepare
    const plan = [plannedRejection(0), plannedRejection(1)];

    // Act
    const response = summarizeBatch(plan, []);

    // Assess
    expect(response).toStrictEqual({
      statusCode: 200,
      headers: {},
      body: {
        accepted: 0,
        rejected: 2,
        results: [
          { index: 0, status: 'rejected', error: invalidTxId(0) },
          { index: 1, status: 'rejected', error: invalidTxId(1) },
        ],
      },
    });
    expectContractBody(response);
  });

  it('never reports as accepted an item the stream gave no outcome for', () => {
    // Prepare
    const plan = [plannedClick(0), plannedClick(1)];

    // Act
    const response = summarizeBatch(plan, [stored('seq-0')]);

    // Assess
    expect(response).toStrictEqual({
      statusCode: 200,
      headers: {},
      body: { accepted: 1, rejected: 1, results: [acceptedResult(0, 'seq-0'), streamRejection(1, 'not written')] },
    });
    expectContractBody(response);
  });
});
