import { buildSparseFeatures, type FeatureInput, type FeatureSpec } from '@sdp/shared-model';
import type { TrainingExample } from './types.js';

/** A row of the training query: a bid with its price and whether it won. */
export interface TrainingRow {
  received_at: string;
  campaign_item_id: number | string;
  domain: string | null;
  creative_id: string | null;
  creative_category: string | null;
  win_price: number;
  won: number | boolean;
}

/**
 * The SQL that reads labelled bids from the lake between two ingest times: each bid with a price,
 * labelled 1 when the join emitted an impression for its transaction. Plain SQL over the base tables,
 * so DuckDB and Athena both run it.
 */
export function trainingQuery(from: Date, to: Date): string {
  const literal = (at: Date) => `TIMESTAMP '${at.toISOString().replace('T', ' ').replace('Z', '')}'`;
  return `SELECT b.received_at, b.campaign_item_id, b.domain, b.creative_id, b.creative_category, b.win_price,
       CASE WHEN EXISTS (SELECT 1 FROM joined_impressions AS i WHERE i.tx_id = b.tx_id) THEN 1 ELSE 0 END AS won
FROM bids AS b
WHERE b.win_price IS NOT NULL AND b.received_at >= ${literal(from)} AND b.received_at < ${literal(to)}`;
}

/** A training row as the model sees it: the predict API's fields, the features, the label. */
export function toTrainingExample(row: TrainingRow, spec: FeatureSpec): TrainingExample {
  const input: FeatureInput = {
    campaignItemId: String(row.campaign_item_id),
    domain: row.domain ?? '',
    creativeId: row.creative_id ?? '',
    creativeCategory: row.creative_category ?? '',
    winPrice: Number(row.win_price),
  };
  return {
    input,
    features: buildSparseFeatures(input, spec),
    label: Number(row.won) ? 1 : 0,
    at: Date.parse(row.received_at),
  };
}
