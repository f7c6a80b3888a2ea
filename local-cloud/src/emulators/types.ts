/** A running local emulator of an AWS service. */
export interface Emulator {
  /** Base URL to pass as `endpoint` to an AWS SDK client, e.g. `http://127.0.0.1:4567`. */
  readonly endpoint: string;
  /** The emulator's own process, when it runs in one (DynamoDB Local's Java process) */
  readonly pid?: number;
  /** Stops the emulator and releases its port; data stays in its data directory. */
  stop(): Promise<void>;
}

export interface EmulatorOptions {
  /** Port on 127.0.0.1. */
  port: number;
  /** Directory where the emulator keeps its data between runs; created when missing. */
  dataDir: string;
}
