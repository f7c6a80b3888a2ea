import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import type { ScenarioPhase } from './types.ts';

/** A phase as written in a scenario's `config.phases` (Artillery's own shape). */
export interface PhaseSpec {
  name?: string;
  duration?: number | string;
  pause?: number | string;
  arrivalRate?: number;
  arrivalCount?: number;
  rampTo?: number;
  maxVusers?: number;
}

/** The `config.phases` of an Artillery scenario file. */
export async function readPhaseSpecs(file: string): Promise<PhaseSpec[]> {
  return (parse(await readFile(file, 'utf8')) as { config?: { phases?: PhaseSpec[] } }).config?.phases ?? [];
}

/**
 * Phases with every rate (and the cap on concurrent virtual users) multiplied by `factor`: the same
 * shape of load, bigger or smaller, e.g. for a deployed platform that takes more than one machine.
 */
export function scalePhases(specs: readonly PhaseSpec[], factor: number): PhaseSpec[] {
  const scale = (value: number | undefined): number | undefined =>
    value === undefined ? undefined : Math.max(1, Math.round(value * factor));
  return specs.map((spec) => ({
    ...spec,
    ...(spec.arrivalRate === undefined ? {} : { arrivalRate: scale(spec.arrivalRate) }),
    ...(spec.rampTo === undefined ? {} : { rampTo: scale(spec.rampTo) }),
    ...(spec.arrivalCount === undefined ? {} : { arrivalCount: scale(spec.arrivalCount) }),
    ...(spec.maxVusers === undefined ? {} : { maxVusers: scale(spec.maxVusers) }),
  }));
}

/** Phases with durations in seconds (`30`, `"30s"`, `"2m"`, `"1h"`), as the summary labels its windows. */
export function toScenarioPhases(specs: readonly PhaseSpec[]): ScenarioPhase[] {
  return specs.map((spec, index) => ({
    name: spec.name ?? (spec.pause === undefined ? `phase ${index + 1}` : 'pause'),
    durationSeconds: seconds(spec.duration ?? spec.pause ?? 0),
    ...(spec.arrivalRate === undefined ? {} : { arrivalRate: spec.arrivalRate }),
    ...(spec.rampTo === undefined ? {} : { rampTo: spec.rampTo }),
  }));
}

/** E.g. `warm-up 10 s at 5→20/s, sustained 30 s at 80/s`. */
export function describePhases(phases: readonly ScenarioPhase[]): string {
  return phases
    .map((p) => {
      const rate =
        p.arrivalRate === undefined
          ? ''
          : ` at ${p.arrivalRate}${p.rampTo === undefined || p.rampTo === p.arrivalRate ? '' : `→${p.rampTo}`}/s`;
      return `${p.name} ${p.durationSeconds} s${rate}`;
    })
    .join(', ');
}

function seconds(value: number | string): number {
  if (typeof value === 'number') return value;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h)?\s*$/.exec(value);
  if (!match) throw new Error(`cannot read the phase duration "${value}" (use seconds, or e.g. "30s", "2m")`);
  const unit = match[2] ?? 's';
  return Number(match[1]) * (unit.startsWith('m') ? 60 : unit === 'h' ? 3600 : 1);
}
