import { dropsRecord } from './dropsRecord.js';
import { userKeyOf, type Tombstone } from './tombstoneItem.js';

/** Whose record this is and when it entered its stream, as far as the record tells. */
export interface RecordSubject {
  /** The users the record is of (its partition key, the `user_id` its data names); none when it names none */
  userIds: readonly string[];
  /** When the record entered its stream (epoch ms); `undefined` when the stream gives no exact time */
  arrivalMs: number | undefined;
}

/**
 * The records a consumer processes once the erased users' are dropped, in their order, and how
 * many were dropped.
 *
 * @example
 * dropErasedUsers(records, (record) => ({ userIds: [record.kinesis.partitionKey], arrivalMs: … }), tombstones)
 * // { kept: [records of users without a tombstone], dropped: 2 }
 */
export function dropErasedUsers<R>(
  records: readonly R[],
  subjectOf: (record: R) => RecordSubject,
  /** By `userKeyOf(user_id)` */
  tombstones: ReadonlyMap<string, Tombstone>,
): { kept: R[]; dropped: number } {
  if (tombstones.size === 0) return { kept: [...records], dropped: 0 };
  const kept = records.filter((record) => {
    const { userIds, arrivalMs } = subjectOf(record);
    return !userIds.some((userId) => dropsRecord(tombstones.get(userKeyOf(userId)), arrivalMs));
  });
  return { kept, dropped: records.length - kept.length };
}
