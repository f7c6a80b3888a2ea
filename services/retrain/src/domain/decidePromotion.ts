import type { ModelMetrics } from './types.js';

export interface PromotionDecision {
  promote: boolean;
  reason: string;
}

/**
 * Whether a candidate replaces the live model: it must beat the live model's AUC on the same recent
 * validation window by at least `minAucGain`, without a worse log-loss, and be better than chance.
 * With no live model, a candidate better than chance (AUC > 0.5 + minAucGain) goes live.
 *
 * @example
 * decidePromotion({ auc: 0.81, logLoss: 0.45, … }, { auc: 0.78, logLoss: 0.47, … }, 0.005)
 * // { promote: true, reason: 'AUC 0.8100 beats the live 0.7800 by 0.0300 (≥ 0.0050) on the same window; log-loss 0.4500 ≤ 0.4700' }
 */
export function decidePromotion(
  candidate: ModelMetrics,
  live: ModelMetrics | undefined,
  minAucGain: number,
): PromotionDecision {
  const f = (value: number) => value.toFixed(4);
  if (!Number.isFinite(candidate.auc))
    return { promote: false, reason: 'the validation window holds only one class, so AUC is undefined' };
  if (!live) {
    return candidate.auc > 0.5 + minAucGain
      ? {
          promote: true,
          reason: `no live model; AUC ${f(candidate.auc)} is better than chance by more than ${f(minAucGain)}`,
        }
      : { promote: false, reason: `AUC ${f(candidate.auc)} is no better than chance (needs > ${f(0.5 + minAucGain)})` };
  }
  const gain = candidate.auc - live.auc;
  if (gain < minAucGain) {
    return {
      promote: false,
      reason: `AUC ${f(candidate.auc)} does not beat the live ${f(live.auc)} by ${f(minAucGain)} on the same window (gain ${f(gain)})`,
    };
  }
  if (candidate.logLoss > live.logLoss) {
    return {
      promote: false,
      reason: `AUC improves by ${f(gain)} but log-loss worsens (${f(candidate.logLoss)} > ${f(live.logLoss)})`,
    };
  }
  return {
    promote: true,
    reason: `AUC ${f(candidate.auc)} beats the live ${f(live.auc)} by ${f(gain)} (≥ ${f(minAucGain)}) on the same window; log-loss ${f(candidate.logLoss)} ≤ ${f(live.logLoss)}`,
  };
}
