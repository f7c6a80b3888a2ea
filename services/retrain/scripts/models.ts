/**
 * `npm run models -- list` shows every model version with its metrics and which is live;
 * `npm run models -- promote <version>` asks the endpoint to serve a version (the rollback): live at
 * once when the endpoint takes it within seconds, otherwise pending until it serves it. `--model demand` is
 * about the demand model of dynamic pricing instead of the bid-win model. Talks to the running
 * platform's API: the local cloud's (from .data/local/endpoints.json, with its key) or any `--url`
 * with a key in `SDP_API_KEY` (`admin` scope to promote).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exitWith, platformApi } from '@sdp/shared-cli';

const root = path.resolve(import.meta.dirname, '../../..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string' },
    model: { type: 'string', default: 'bid-win' },
    'data-dir': { type: 'string', default: path.join(root, '.data', 'local') },
  },
});
const [command = 'list', version] = positionals;

const { call } = await platformApi({ dataDir: values['data-dir'], ...(values.url ? { url: values.url } : {}) });

interface Version {
  version: string;
  created_at: string;
  live: boolean;
  decision: string;
  reason: string;
  metrics: { auc: number; log_loss: number; calibration_error: number; rows: number };
  training: { train_rows: number; labels: string };
  promotion?: { status: 'pending' | 'live' | 'failed'; reason?: string };
}

if (command === 'list') {
  const { models } = (await call('GET', `/models?model=${encodeURIComponent(values.model)}`)) as { models: Version[] };
  if (models.length === 0)
    console.log(
      `No ${values.model} model version yet: the retrain service trains one once enough labelled examples are in the lake.`,
    );
  for (const m of models) {
    const flags = [
      m.live ? 'LIVE' : '',
      m.promotion && m.promotion.status !== 'live' ? `promotion ${m.promotion.status.toUpperCase()}` : '',
      m.training.labels === 'shuffled' ? 'control' : '',
    ]
      .filter(Boolean)
      .join(' ');
    console.log(
      `${m.version.padEnd(24)} ${m.created_at}  ${m.decision.padEnd(8)} AUC ${m.metrics.auc.toFixed(4)}  log-loss ${m.metrics.log_loss.toFixed(4)}  ` +
        `calibration ${m.metrics.calibration_error.toFixed(4)}  ${m.training.train_rows} rows  ${flags}\n  ${m.reason}`,
    );
  }
} else if (command === 'promote' && version) {
  const promoted = (await call(
    'POST',
    `/models/${encodeURIComponent(version)}/promote?model=${encodeURIComponent(values.model)}`,
  )) as Version;
  console.log(
    promoted.live
      ? `${promoted.version} is the live ${values.model} model.`
      : promoted.promotion?.status === 'failed'
        ? `${promoted.version} could not be promoted: ${promoted.promotion.reason}`
        : `${promoted.version} is being promoted: the endpoint takes a few minutes, the live version serves meanwhile (npm run models -- list).`,
  );
} else {
  exitWith('usage: npm run models -- list | promote <version> [--model bid-win|demand] [--url https://…]');
}
