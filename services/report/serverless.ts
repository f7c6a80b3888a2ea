import { allow, apiFunction, defineService, param } from '../../config/src/index.js';

const aggregations = { AGGREGATIONS_TABLE_NAME: param('aggregationsTableName') };
const productWindows = { PRODUCT_WINDOWS_TABLE_NAME: param('productWindowsTableName') };
// A campaign's (product's) windows by its key, and every campaign's (product's) windows of one day, for the rankings.
const queryCampaignWindows = allow(['dynamodb:Query'], param('aggregationsTableArn'));
const queryCampaignWindowsByDay = allow(['dynamodb:Query'], `${param('aggregationsTableArn')}/index/ByDay`);
const queryProductWindows = allow(['dynamodb:Query'], param('productWindowsTableArn'));
const queryProductWindowsByDay = allow(['dynamodb:Query'], `${param('productWindowsTableArn')}/index/ByDay`);

export default defineService({
  service: 'sdp-report',
  functions: [
    apiFunction({
      name: 'campaignList',
      description: 'GET /reports/campaigns; campaigns active in a time range, ranked (top-N)',
      routes: ['GET /reports/campaigns'],
      statements: [queryCampaignWindowsByDay],
      // Up to 366 index partitions to page through.
      timeout: 29,
      environment: aggregations,
    }),
    apiFunction({
      name: 'campaignReport',
      description: 'GET /reports/campaigns/{campaign_item_id}; all-time totals of one campaign',
      routes: ['GET /reports/campaigns/{campaign_item_id}'],
      statements: [queryCampaignWindows],
      environment: aggregations,
    }),
    apiFunction({
      name: 'campaignPeriodReport',
      description:
        'GET /reports/campaigns/{campaign_item_id}/period; counts per minute, hour, day, week or month in a time zone',
      routes: ['GET /reports/campaigns/{campaign_item_id}/period'],
      statements: [queryCampaignWindows],
      // A long range of minute windows is many pages of queries.
      timeout: 29,
      environment: aggregations,
    }),
    apiFunction({
      name: 'productList',
      description: 'GET /reports/products; products with shopper activity in a time range, ranked (top-N)',
      routes: ['GET /reports/products'],
      statements: [queryProductWindowsByDay],
      // Up to 366 index partitions to page through.
      timeout: 29,
      environment: productWindows,
    }),
    apiFunction({
      name: 'productReport',
      description:
        'GET /reports/products/{product_id}; views, carts, checkouts, purchases and conversion per period, with totals',
      routes: ['GET /reports/products/{product_id}'],
      statements: [queryProductWindows],
      // A long range of minute windows is many pages of queries.
      timeout: 29,
      environment: productWindows,
    }),
  ],
});
