/** What the Kinesis thread is started with. */
export interface KinesisThreadOptions {
  port: number;
  dataDir: string;
}

/** What the Kinesis thread tells its parent. */
export type KinesisThreadMessage =
  | { ready: { endpoint: string; writeEndpoint: string } }
  | { failed: string }
  /** A stream took records (null: one whose name could not be read) */
  | { write: string | null }
  | { stopped: true };
