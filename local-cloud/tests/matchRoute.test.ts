import { compileRoutes, matchRoute, type RouteDefinition, type RouteMatch } from '../src/gateway/matchRoute.js';

function route(method: string, path: string, target = `${method} ${path}`): RouteDefinition<string> {
  return { method, path, target };
}

/** The parts of a match a test cares about: which route, and with which parameters. */
function describeMatch(match: RouteMatch<string>): unknown {
  if (match.kind !== 'matched') return match;
  return {
    kind: match.kind,
    routeKey: match.route.routeKey,
    target: match.route.target,
    pathParameters: match.pathParameters,
  };
}

function matched(routeKey: string, target: string, pathParameters: Record<string, string> = {}): unknown {
  return { kind: 'matched', routeKey, target, pathParameters };
}

const PLATFORM_ROUTES = [
  route('POST', '/bid', 'putEvent'),
  route('POST', '/impression', 'putEvent'),
  route('POST', '/click', 'putEvent'),
  route('POST', '/events', 'putEvents'),
  route('GET', '/reports/campaigns/{campaign_item_id}', 'campaignReport'),
  route('POST', '/predictions', 'predictWin'),
];

describe('compileRoutes', () => {
  it('names each route by its API Gateway route key', () => {
    // Act
    const routes = compileRoutes([
      route('POST', '/bid'),
      route('*', '/files/{proxy+}'),
      route('*', '*'),
      route('GET', '/'),
    ]);

    // Assess
    expect(routes.map((r) => r.routeKey).sort()).toStrictEqual([
      '$default',
      'ANY /files/{proxy+}',
      'GET /',
      'POST /bid',
    ]);
  });

  it('collects parameter names in path order', () => {
    // Act
    const [compiled] = compileRoutes([route('GET', '/campaigns/{campaign_item_id}/windows/{window_start}')]);

    // Assess
    expect(compiled!.parameterNames).toStrictEqual(['campaign_item_id', 'window_start']);
  });
});

describe('matchRoute', () => {
  const routes = compileRoutes(PLATFORM_ROUTES);

  it('matches a literal route', () => {
    // Act
    const match = matchRoute(routes, 'POST', '/events');

    // Assess
    expect(describeMatch(match)).toStrictEqual(matched('POST /events', 'putEvents'));
  });

  it('matches a route with a path parameter and returns its value', () => {
    // Act
    const match = matchRoute(routes, 'GET', '/reports/campaigns/1463517');

    // Assess
    expect(describeMatch(match)).toStrictEqual(
      matched('GET /reports/campaigns/{campaign_item_id}', 'campaignReport', { campaign_item_id: '1463517' }),
    );
  });

  it('percent-decodes path parameters', () => {
    // Act
    const match = matchRoute(routes, 'GET', '/reports/campaigns/caf%C3%A9%20%2F%201');

    // Assess
    expect(describeMatch(match)).toStrictEqual(
      matched('GET /reports/campaigns/{campaign_item_id}', 'campaignReport', { campaign_item_id: 'café / 1' }),
    );
  });

  it('accepts a trailing slash', () => {
    // Act
    const matches = [matchRoute(routes, 'POST', '/bid/'), matchRoute(routes, 'GET', '/reports/campaigns/7/')];

    // Assess
    expect(matches.map(describeMatch)).toStrictEqual([
      matched('POST /bid', 'putEvent'),
      matched('GET /reports/campaigns/{campaign_item_id}', 'campaignReport', { campaign_item_id: '7' }),
    ]);
  });

  it('answers method_not_allowed with the methods the path accepts', () => {
    // Act
    const match = matchRoute(routes, 'GET', '/bid');

    // Assess
    expect(match).toStrictEqual({ kind: 'method_not_allowed', allowed: ['POST'] });
  });

  it('lists every allowed method once, sorted', () => {
    // Prepare
    const itemRoutes = compileRoutes([
      route('POST', '/items'),
      route('GET', '/items'),
      route('DELETE', '/items'),
      route('GET', '/items/{id}'),
    ]);

    // Act
    const match = matchRoute(itemRoutes, 'PUT', '/items');

    // Assess
    expect(match).toStrictEqual({ kind: 'method_not_allowed', allowed: ['DELETE', 'GET', 'POST'] });
  });

  it.each([
    ['an unknown path', '/nope'],
    ['a path with a missing parameter', '/reports/campaigns'],
    ['a path with an empty parameter', '/reports/campaigns/'],
    ['a path with an extra segment', '/reports/campaigns/7/daily'],
    ['a path in another case', '/BID'],
    ['the root', '/'],
  ])('answers not_found for %s', (_, path) => {
    // Act
    const match = matchRoute(routes, 'POST', path);

    // Assess
    expect(match).toStrictEqual({ kind: 'not_found' });
  });

  it('matches literal characters of a path literally, not as a pattern', () => {
    // Prepare
    const dotted = compileRoutes([route('GET', '/health.json')]);

    // Act
    const matches = [matchRoute(dotted, 'GET', '/health.json'), matchRoute(dotted, 'GET', '/healthXjson')];

    // Assess
    expect(matches.map(describeMatch)).toStrictEqual([
      matched('GET /health.json', 'GET /health.json'),
      { kind: 'not_found' },
    ]);
  });

  describe('specificity', () => {
    it.each([
      [
        'defined first',
        [route('GET', '/reports/campaigns/top'), route('GET', '/reports/campaigns/{campaign_item_id}')],
      ],
      ['defined last', [route('GET', '/reports/campaigns/{campaign_item_id}'), route('GET', '/reports/campaigns/top')]],
    ])('prefers a literal segment over a parameter, whether %s', (_, definitions) => {
      // Prepare
      const compiled = compileRoutes(definitions);

      // Act
      const matches = [
        matchRoute(compiled, 'GET', '/reports/campaigns/top'),
        matchRoute(compiled, 'GET', '/reports/campaigns/12'),
      ];

      // Assess
      expect(matches.map(describeMatch)).toStrictEqual([
        matched('GET /reports/campaigns/top', 'GET /reports/campaigns/top'),
        matched('GET /reports/campaigns/{campaign_item_id}', 'GET /reports/campaigns/{campaign_item_id}', {
          campaign_item_id: '12',
        }),
      ]);
    });

    it('prefers a parameter over a greedy parameter, which takes the rest of the path', () => {
      // Prepare
      const compiled = compileRoutes([route('GET', '/files/{proxy+}'), route('GET', '/files/{name}')]);

      // Act
      const matches = [
        matchRoute(compiled, 'GET', '/files/report.csv'),
        matchRoute(compiled, 'GET', '/files/2025/11/report%20final.csv'),
      ];

      // Assess
      expect(matches.map(describeMatch)).toStrictEqual([
        matched('GET /files/{name}', 'GET /files/{name}', { name: 'report.csv' }),
        matched('GET /files/{proxy+}', 'GET /files/{proxy+}', { proxy: '2025/11/report final.csv' }),
      ]);
    });

    it('prefers a longer literal prefix over a greedy parameter at the root', () => {
      // Prepare
      const compiled = compileRoutes([route('*', '/{proxy+}', 'catchAll'), ...PLATFORM_ROUTES]);

      // Act
      const matches = [
        matchRoute(compiled, 'POST', '/bid'),
        matchRoute(compiled, 'GET', '/favicon.ico'),
        matchRoute(compiled, 'GET', '/bid'),
      ];

      // Assess
      expect(matches.map(describeMatch)).toStrictEqual([
        matched('POST /bid', 'putEvent'),
        matched('ANY /{proxy+}', 'catchAll', { proxy: 'favicon.ico' }),
        matched('ANY /{proxy+}', 'catchAll', { proxy: 'bid' }),
      ]);
    });

    it('prefers a route for the method over ANY on the same path', () => {
      // Prepare
      const compiled = compileRoutes([route('*', '/things', 'any'), route('GET', '/things', 'get')]);

      // Act
      const matches = [matchRoute(compiled, 'GET', '/things'), matchRoute(compiled, 'DELETE', '/things')];

      // Assess
      expect(matches.map(describeMatch)).toStrictEqual([matched('GET /things', 'get'), matched('ANY /things', 'any')]);
    });

    it('lets ANY /{proxy+} take any method and any depth', () => {
      // Prepare
      const compiled = compileRoutes([route('*', '/files/{proxy+}', 'files')]);

      // Act
      const matches = [matchRoute(compiled, 'PATCH', '/files/a/b/c'), matchRoute(compiled, 'GET', '/files')];

      // Assess
      expect(matches.map(describeMatch)).toStrictEqual([
        matched('ANY /files/{proxy+}', 'files', { proxy: 'a/b/c' }),
        { kind: 'not_found' },
      ]);
    });
  });

  describe('$default', () => {
    const withDefault = compileRoutes([route('*', '*', 'fallback'), ...PLATFORM_ROUTES]);

    it('catches a path no other route matches', () => {
      // Act
      const match = matchRoute(withDefault, 'GET', '/nope/at/all');

      // Assess
      expect(describeMatch(match)).toStrictEqual(matched('$default', 'fallback'));
    });

    it('still lets every other route win first', () => {
      // Act
      const match = matchRoute(withDefault, 'GET', '/reports/campaigns/3');

      // Assess
      expect(describeMatch(match)).toStrictEqual(
        matched('GET /reports/campaigns/{campaign_item_id}', 'campaignReport', { campaign_item_id: '3' }),
      );
    });

    it('catches a known path called with another method instead of answering 405', () => {
      // Act
      const match = matchRoute(withDefault, 'GET', '/bid');

      // Assess
      expect(describeMatch(match)).toStrictEqual(matched('$default', 'fallback'));
    });
  });

  it('matches a route at the root path', () => {
    // Prepare
    const compiled = compileRoutes([route('GET', '/', 'home'), route('GET', '/{name}', 'byName')]);

    // Act
    const matches = [matchRoute(compiled, 'GET', '/'), matchRoute(compiled, 'GET', '/about')];

    // Assess
    expect(matches.map(describeMatch)).toStrictEqual([
      matched('GET /', 'home'),
      matched('GET /{name}', 'byName', { name: 'about' }),
    ]);
  });
});
