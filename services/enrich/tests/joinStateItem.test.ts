import { marshall } from '@aws-sdk/util-dynamodb';
import { LEGACY_COPY } from '@sdp/shared-streams';
import { emittedCopiesOf, JOIN_STATE_ATTRIBUTES, joinStateKeyOf } from '../src/index.js';

describe('the join-state item as aggregate reads it', () => {
  it('names the copies a stored state emitted, and no other type', () => {
    // Prepare: `emitted` as the join-state table's document client writes it
    const item = marshall({
      tx_id: 'acme/tx-1',
      emitted: { bid: 'shardId-000000000001:4965', imp: 'shardId-000000000001:4970' },
    });

    // Act
    const copies = emittedCopiesOf(item);

    // Assess
    expect(copies).toStrictEqual({ bid: 'shardId-000000000001:4965', imp: 'shardId-000000000001:4970' });
  });

  it('reads an empty `emitted` as nothing emitted yet', () => {
    // Act
    const copies = emittedCopiesOf(marshall({ tx_id: 'tx-1', emitted: {} }));

    // Assess
    expect(copies).toStrictEqual({});
  });

  it('reads a state stored before copies were named as counted then, for every type', () => {
    // Act
    const copies = emittedCopiesOf(marshall({ tx_id: 'tx-1', version: 3 }));

    // Assess
    expect(copies).toStrictEqual({ bid: LEGACY_COPY, imp: LEGACY_COPY, click: LEGACY_COPY });
  });

  it('keys a transaction’s item by its transaction key', () => {
    // Act
    const key = joinStateKeyOf('acme/tx-1');

    // Assess
    expect(key).toStrictEqual({ [JOIN_STATE_ATTRIBUTES.key]: { S: 'acme/tx-1' } });
  });
});
