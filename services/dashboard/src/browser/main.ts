/** The live dashboard: reads the public APIs every REFRESH_INTERVAL_MS and redraws its panels. */
import 'uplot/dist/uPlot.min.css';
import { httpDashboardApi } from '../adapters/dashboardApi.js';
import { REFRESH_INTERVAL_MS } from '../domain/constants.js';
import { loadSnapshot } from '../domain/loadSnapshot.js';
import type { DashboardApi } from '../domain/types.js';
import { DashboardView } from './DashboardView.js';
import { loadConfig } from './loadConfig.js';
import { readApiKey } from './readApiKey.js';

const view = new DashboardView(document);
window.addEventListener('resize', () => view.resize());

// The next refresh is scheduled once this one is drawn, so a slow API never stacks requests up.
async function refresh(api: DashboardApi): Promise<void> {
  try {
    const started = performance.now();
    const snapshot = await loadSnapshot(api, new Date());
    view.render(snapshot, Math.round(performance.now() - started));
  } catch (error) {
    view.fail(`The dashboard could not draw: ${(error as Error).message}`);
  } finally {
    setTimeout(() => void refresh(api), REFRESH_INTERVAL_MS);
  }
}

const apiKey = readApiKey(window.location, window.sessionStorage, window.history);
if (apiKey) {
  loadConfig().then(
    (config) => refresh(httpDashboardApi(config, (url, init) => fetch(url, init), apiKey)),
    (error: Error) => view.fail(error.message),
  );
} else {
  view.fail(
    'Open the dashboard with an API key of the report scope in the address: …/dashboard/#key=sdp_… (npm start prints the local one).',
  );
}
