import { parseCampaignReportRequest } from '../src/domain/parseCampaignReportRequest.js';
import { errorOf, invalidRequest } from './support/reportFixtures.js';

const MAX_SAFE_INTEGER = '9007199254740991';

describe('parseCampaignReportRequest', () => {
  it.each([
    ['1463517', 1463517],
    ['0', 0],
    ['007', 7],
    [MAX_SAFE_INTEGER, 9007199254740991],
  ])('reads campaign id %s', (raw, expected) => {
    // Act
    const request = parseCampaignReportRequest({ campaignItemId: raw, query: undefined });

    // Assess
    expect(request).toStrictEqual({ campaignItemId: expected });
  });

  it.each(['abc', '-1', '1.5', '1e3', '', ' 7', '0x10', '9007199254740992', '12345678901234567'])(
    'rejects campaign id %j',
    (raw) => {
      // Act
      const error = errorOf(() => parseCampaignReportRequest({ campaignItemId: raw }));

      // Assess
      expect(error).toStrictEqual(
        invalidRequest(
          `campaign_item_id in the path must be a whole number from 0 to ${MAX_SAFE_INTEGER}; got '${raw}'.`,
        ),
      );
    },
  );

  it('rejects a missing campaign id', () => {
    // Act
    const error = errorOf(() => parseCampaignReportRequest({ campaignItemId: undefined }));

    // Assess
    expect(error).toStrictEqual(
      invalidRequest(`campaign_item_id in the path must be a whole number from 0 to ${MAX_SAFE_INTEGER}; got ''.`),
    );
  });

  it('rejects query parameters, which this endpoint does not take', () => {
    // Act
    const error = errorOf(() => parseCampaignReportRequest({ campaignItemId: '7', query: { period: 'day' } }));

    // Assess
    expect(error).toStrictEqual(invalidRequest("'period' is not a query parameter of this endpoint; it takes none."));
  });
});
