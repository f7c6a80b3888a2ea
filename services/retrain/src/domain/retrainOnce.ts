import { featureWidth, type LinearModel } from '@sdp/shared-model';
import { decidePromotion } from './decidePromotion.js';
import { evaluateModel } from './evaluateModel.js';
import type { ModelFamily } from './modelFamily.js';
import { PromotionPendingError } from './errors.js';
import type { ModelArtifacts, ModelEndpoint, ModelMetricsRecord, ModelRegistry, ModelVersion } from './modelRecords.js';
import { requestPromotion, type PromotionSettings } from './requestPromotion.js';
import { splitByTime } from './splitByTime.js';
import { DEFAULT_TRAINING_OPTIONS, trainLogisticRegression } from './trainLogisticRegression.js';
import type { ModelMetrics, TrainingExample } from './types.js';

export interface RetrainSettings {
  /** How far back the training set reaches */
  trainingWindowMs: number;
  /** Rows younger than this may still change their label (a bid may still join an impression) */
  labelDelayMs: number;
  validationFraction: number;
  minTrainingRows: number;
  minAucGain: number;
  promotion: PromotionSettings;
}

export interface RetrainDeps<Row> {
  /** What is trained: the bid-win model or the demand model */
  family: ModelFamily<Row>;
  queryTrainingRows(from: Date, to: Date): Promise<Row[]>;
  registry: ModelRegistry;
  artifacts: ModelArtifacts;
  endpoint: ModelEndpoint;
  now(): Date;
  sleep(ms: number): Promise<void>;
  newVersionId(now: Date): string;
  log(message: string, data: Record<string, unknown>): void;
}

export type RetrainOutcome =
  | { status: 'skipped'; reason: string }
  | {
      status: 'trained';
      version: ModelVersion['version'];
      decision: ModelVersion['decision'];
      reason: string;
      /** Where its promotion is, when the gate promoted it and it could start */
      promotion?: NonNullable<ModelVersion['promotion']>['status'];
    };

/**
 * One retraining of a model family: read the labelled examples of the training window from the lake, train on the older 80 %,
 * score the candidate and the live model on the same newest 20 %, record the version with its metrics,
 * and let the gate decide whether it goes live: a promoted version is asked of the endpoint and is
 * pending until the endpoint serves it (`requestPromotion`; the previous version serves meanwhile).
 * `shuffleLabels` trains a negative control (training labels shuffled, validation labels true) that
 * the gate must refuse.
 */
export async function retrainOnce<Row>(
  deps: RetrainDeps<Row>,
  settings: RetrainSettings,
  options: { shuffleLabels?: boolean } = {},
): Promise<RetrainOutcome> {
  const { family } = deps;
  const now = deps.now();
  const to = new Date(now.getTime() - settings.labelDelayMs);
  const from = new Date(to.getTime() - settings.trainingWindowMs);
  const examples = family.examplesOf(await deps.queryTrainingRows(from, to), { from, to });
  if (examples.length < settings.minTrainingRows) {
    const reason = `${examples.length} ${family.examplesAre} in the window; at least ${settings.minTrainingRows} are needed`;
    deps.log('retraining skipped', { reason, from: from.toISOString(), to: to.toISOString() });
    return { status: 'skipped', reason };
  }
  const spec = family.spec;
  const { train, validation, validationFrom } = splitByTime(examples, settings.validationFraction);
  // The control learns from shuffled labels but is judged, like any candidate, on the true ones.
  if (options.shuffleLabels) shuffleLabelsInPlace(train);
  const trained = trainLogisticRegression(train, featureWidth(spec), DEFAULT_TRAINING_OPTIONS);
  const metrics = evaluateModel(trained, validation);
  if (!Number.isFinite(metrics.auc)) {
    // Nothing to compare models on: AUC needs both labels in the window. Nothing is recorded.
    const reason = `the newest ${validation.length} ${family.examplesAre} (the validation window) hold only one label, so no model can be judged`;
    deps.log('retraining skipped', { reason, from: from.toISOString(), to: to.toISOString() });
    return { status: 'skipped', reason };
  }

  const liveVersion = await deps.registry.liveVersion();
  const live = liveVersion ? await deps.registry.get(liveVersion) : undefined;
  let liveMetrics: ModelMetrics | undefined;
  if (live) {
    const liveModel = await deps.artifacts.load(live.artifact);
    const rescored = validation.map((example) => ({
      ...example,
      features: family.featuresUnder(example, liveModel.featureSpec),
    }));
    liveMetrics = evaluateModel(liveModel, rescored);
  }
  const decision = decidePromotion(metrics, liveMetrics, settings.minAucGain);
  const version = deps.newVersionId(now);
  const model: LinearModel = {
    format: 'sdp-logistic-v1',
    version,
    featureSpec: spec,
    weights: trained.weights,
    bias: trained.bias,
    threshold: 0.5,
  };
  const artifact = await deps.artifacts.save(model);
  const record: Omit<ModelVersion, 'live'> = {
    version,
    created_at: now.toISOString(),
    decision: decision.promote ? 'promoted' : 'rejected',
    reason: decision.reason,
    metrics: toRecord(metrics),
    ...(liveMetrics && liveVersion ? { live_metrics: toRecord(liveMetrics), live_version: liveVersion } : {}),
    training: {
      from: from.toISOString(),
      to: to.toISOString(),
      train_rows: train.length,
      validation_rows: validation.length,
      validation_from: new Date(validationFrom).toISOString(),
      labels: options.shuffleLabels ? 'shuffled' : 'observed',
    },
    feature_spec: { ...spec },
    artifact,
  };
  await deps.registry.put(record);
  let promotion: ModelVersion['promotion'];
  if (decision.promote) {
    try {
      promotion = (await requestPromotion(version, deps, settings.promotion)).promotion;
    } catch (error) {
      if (!(error instanceof PromotionPendingError)) throw error;
      deps.log('another promotion is pending; this version stays recorded, not promoted', {
        version,
        pending: error.pending.version,
      });
    }
  }
  deps.log('model trained', {
    version,
    decision: record.decision,
    reason: decision.reason,
    auc: metrics.auc,
    examples: examples.length,
  });
  return {
    status: 'trained',
    version,
    decision: record.decision,
    reason: decision.reason,
    ...(promotion ? { promotion: promotion.status } : {}),
  };
}

function toRecord(metrics: ModelMetrics): ModelMetricsRecord {
  return {
    auc: metrics.auc,
    log_loss: metrics.logLoss,
    calibration_error: metrics.calibrationError,
    rows: metrics.rows,
    positives: metrics.positives,
  };
}

/** Reverses the labels' order over time: same class balance, no relation to the features left. */
function shuffleLabelsInPlace(examples: TrainingExample[]): void {
  const labels = examples.map((example) => example.label).reverse();
  examples.forEach((example, i) => (example.label = labels[i]!));
}
