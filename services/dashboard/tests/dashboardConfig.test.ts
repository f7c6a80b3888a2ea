import { apiUrl } from '../src/domain/apiUrl.js';
import { parseDashboardConfig } from '../src/domain/parseDashboardConfig.js';

describe('apiUrl', () => {
  it('uses the page’s own origin when nothing is configured', () => {
    // Act
    const url = apiUrl({}, 'report', '/reports/campaigns?limit=5');

    // Assess
    expect(url).toBe('/reports/campaigns?limit=5');
  });

  it('prefers the service’s own base URL to the shared one', () => {
    // Prepare
    const config = { apiBaseUrl: 'https://api.example.com/', apiBaseUrls: { lake: 'https://lake.example.com/prod//' } };

    // Act
    const urls = [apiUrl(config, 'lake', '/query'), apiUrl(config, 'enrich', '/orphans?limit=0')];

    // Assess
    expect(urls).toStrictEqual(['https://lake.example.com/prod/query', 'https://api.example.com/orphans?limit=0']);
  });
});

describe('parseDashboardConfig', () => {
  it('accepts a shared base URL and one per service', () => {
    // Prepare
    const json = {
      apiBaseUrl: 'https://api.example.com',
      apiBaseUrls: { report: 'https://r.example.com', lake: 'http://localhost:3000', pricing: 'https://p.example.com' },
    };

    // Act
    const config = parseDashboardConfig(json);

    // Assess
    expect(config).toStrictEqual(json);
  });

  it.each([
    [[], 'config.json must be a JSON object, e.g. {"apiBaseUrl":"https://api.example.com"}.'],
    [
      { apiBaseUrl: 'api.example.com' },
      'config.json: apiBaseUrl must be an http(s) URL such as https://abc.execute-api.us-east-1.amazonaws.com, not "api.example.com".',
    ],
    [{ apiBaseUrls: 'https://api.example.com' }, 'config.json: apiBaseUrls must be an object of service → URL.'],
    [
      { apiBaseUrls: { ingest: 'https://i.example.com' } },
      'config.json: apiBaseUrls.ingest is not a service the dashboard reads; use report, enrich, lake, ops, retrain, pricing.',
    ],
    [
      { apiBaseUrls: { lake: 42 } },
      'config.json: apiBaseUrls.lake must be an http(s) URL such as https://abc.execute-api.us-east-1.amazonaws.com, not 42.',
    ],
  ])('refuses %j and says what to fix', (json, message) => {
    // Act
    const act = () => parseDashboardConfig(json);

    // Assess
    expect(act).toThrow(new Error(message));
  });
});
