const KINESIS_PAYLOAD_UNIT_BYTES = 25 * 1024;
const HTTP_API_METERING_BYTES = 512 * 1024;
const ATHENA_MINIMUM_BYTES = 10 * 1024 * 1024;
const MEGABYTE = 1024 * 1024;
const GIGABYTE_MB = 1024;

/**
 * Kinesis PUT payload units of one record: one per started 25 KB (partition key included).
 *
 * @example
 * kinesisPayloadUnits(30 * 1024) // 2
 */
export function kinesisPayloadUnits(recordBytes: number): number {
  return Math.max(1, Math.ceil(recordBytes / KINESIS_PAYLOAD_UNIT_BYTES));
}

/**
 * Lambda's billed GB-seconds of one invocation: the configured memory times the duration rounded
 * up to the millisecond.
 *
 * @example
 * lambdaGbSeconds(1024, 120.3) // 0.121
 */
export function lambdaGbSeconds(memoryMb: number, durationMs: number): number {
  return (memoryMb / GIGABYTE_MB) * (Math.ceil(durationMs) / 1000);
}

/**
 * Requests an HTTP API bills for one call: one per started 512 KB of the request.
 *
 * @example
 * httpApiRequests(600 * 1024) // 2
 */
export function httpApiRequests(requestBytes: number): number {
  return Math.max(1, Math.ceil(requestBytes / HTTP_API_METERING_BYTES));
}

/**
 * Bytes Athena bills for one query: what it scanned, rounded up to the megabyte, at least 10 MB.
 *
 * @example
 * athenaBilledBytes(1024) // 10485760
 */
export function athenaBilledBytes(scannedBytes: number): number {
  return Math.max(ATHENA_MINIMUM_BYTES, Math.ceil(scannedBytes / MEGABYTE) * MEGABYTE);
}
