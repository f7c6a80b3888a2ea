import type { WorkloadOptions } from './generateWorkload.js';

/*
 * The scenario both oracle tests run: the workload mix, and session timeouts of 3 seconds so
 * that late arrivals in a test of a minute really miss their join.
 */
export const SESSION_TIMEOUT_MINUTES = 0.05;

/** The params that give the local cloud those timeouts. */
export const SHORT_SESSION_PARAMS = {
  enrich: {
    bidsSessionTimeoutMinutes: String(SESSION_TIMEOUT_MINUTES),
    clicksSessionTimeoutMinutes: String(SESSION_TIMEOUT_MINUTES),
  },
};

/** What the oracle must assume to predict the pipeline with those params (one-minute windows). */
export const ORACLE_SETTINGS = {
  bidsTimeoutMs: SESSION_TIMEOUT_MINUTES * 60_000,
  clicksTimeoutMs: SESSION_TIMEOUT_MINUTES * 60_000,
  periodMs: 60_000,
};

/** 50,000 events over 32 campaigns: 5 % duplicates, 10 % disorder, 5 % late, 2 %/1 % orphans, bursts. */
export function oracleWorkload(seed: number): WorkloadOptions {
  return {
    seed,
    events: 50_000,
    campaigns: 32,
    duplicateRate: 0.05,
    disorderRate: 0.1,
    lateRate: 0.05,
    orphanImpressionRate: 0.02,
    orphanClickRate: 0.01,
  };
}
