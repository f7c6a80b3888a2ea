import os from 'node:os';

/** The machine a benchmark ran on, as every result file records it. */
export interface MachineDescription {
  cpus: number;
  cpuModel: string | undefined;
  memoryMb: number;
  node: string;
}

/**
 * This machine: its CPUs, their model, its memory (MiB) and the Node version, so results measured on
 * different machines are never compared as if they were one.
 *
 * @example
 * machineDescription() // { cpus: 2, cpuModel: 'Intel(R) Xeon(R) …', memoryMb: 24036, node: 'v20.20.2' }
 */
export function machineDescription(): MachineDescription {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryMb: Math.round(os.totalmem() / 2 ** 20),
    node: process.version,
  };
}
