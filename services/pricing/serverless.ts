import {
  allow,
  apiFunction,
  DEMAND_WINDOWS,
  defineService,
  getAtt,
  kinesisConsumer,
  param,
  ref,
  regionalArn,
  table,
  tableChangeConsumer,
} from '../../config/src/index.js';

// The SageMaker endpoint of the demand model the retrain service trains (docs/adr/0018-dynamic-pricing.md).
const DEMAND_MODEL_ENDPOINT_NAME = param('demandModelEndpointName');

/** The guardrails both hydrating and deciding read (docs/adr/0018-dynamic-pricing.md). */
const PRICING_SETTINGS = {
  ...DEMAND_WINDOWS,
  ORDERED_UNITS_DAYS: param('orderedUnitsDays', '7'),
  PRICE_MAX_STEP_PERCENT: param('priceMaxStepPercent', '5'),
  PRICE_COOLDOWN_MINUTES: param('priceCooldownMinutes', '10'),
  SURGE_ABOVE: param('surgeAbove', '0.6'),
  CALM_BELOW: param('calmBelow', '0.3'),
};

export default defineService({
  service: 'sdp-pricing',
  functions: [
    kinesisConsumer({
      name: 'hydrateDemand',
      description:
        "Hydrates each changed product's demand with the catalog and the orders into the demand features table",
      stream: param('productWindowsStreamArn'),
      batchSize: 1000,
      // Windows change many times a second under load; gathering a second's changes hydrates each product once.
      batchWindow: 1,
      statements: [
        allow(['dynamodb:Query'], param('productWindowsTableArn')),
        allow(['dynamodb:GetItem'], param('productsTableArn')),
        allow(['dynamodb:Query'], `${param('ordersTableArn')}/index/ByProduct`),
        // Reads the stored fingerprints of a batch's products first and writes only the changed ones (docs/adr/0018-dynamic-pricing.md).
        allow(['dynamodb:BatchGetItem', 'dynamodb:UpdateItem'], getAtt('DemandFeaturesTable', 'Arn')),
      ],
      environment: {
        ...PRICING_SETTINGS,
        PRODUCT_WINDOWS_TABLE_NAME: param('productWindowsTableName'),
        PRODUCTS_TABLE_NAME: param('productsTableName'),
        ORDERS_TABLE_NAME: param('ordersTableName'),
        DEMAND_FEATURES_TABLE_NAME: ref('DemandFeaturesTable'),
      },
    }),
    tableChangeConsumer({
      name: 'adjustPrices',
      description:
        'Asks the demand model about each product whose demand changed and moves its price within the guardrails, once per features version',
      table: 'DemandFeaturesTable',
      statements: [
        allow(['sagemaker:InvokeEndpoint'], regionalArn('sagemaker', `endpoint/${DEMAND_MODEL_ENDPOINT_NAME}`)),
        // Reads the product; a change is one TransactWriteItems: the product's conditional update and
        // the history item's conditional put.
        allow(['dynamodb:GetItem', 'dynamodb:UpdateItem'], param('productsTableArn')),
        allow(['dynamodb:PutItem'], getAtt('PriceHistoryTable', 'Arn')),
        // A move on implausible demand is held and recorded, once per features version (conditional put).
        allow(['dynamodb:PutItem'], getAtt('PriceHoldsTable', 'Arn')),
      ],
      environment: {
        ...PRICING_SETTINGS,
        // Empty: DEFAULT_PLAUSIBILITY_CAPS of src/domain/constants.ts (6000 views and 1200 carts a minute, 1 cart per view).
        DEMAND_MAX_VIEWS_PER_MINUTE: param('demandMaxViewsPerMinute', ''),
        DEMAND_MAX_CARTS_PER_MINUTE: param('demandMaxCartsPerMinute', ''),
        DEMAND_MAX_CARTS_PER_VIEW: param('demandMaxCartsPerView', ''),
        PRODUCTS_TABLE_NAME: param('productsTableName'),
        PRICE_HISTORY_TABLE_NAME: ref('PriceHistoryTable'),
        PRICE_HOLDS_TABLE_NAME: ref('PriceHoldsTable'),
        DEMAND_MODEL_ENDPOINT_NAME,
      },
    }),
    apiFunction({
      name: 'priceHistory',
      description:
        'GET /products/{product_id}/price-history; every price change with its reason and model version, and every move held',
      routes: ['GET /products/{product_id}/price-history'],
      statements: [allow(['dynamodb:Query'], [getAtt('PriceHistoryTable', 'Arn'), getAtt('PriceHoldsTable', 'Arn')])],
      environment: {
        PRODUCTS_TABLE_NAME: param('productsTableName'),
        PRICE_HISTORY_TABLE_NAME: ref('PriceHistoryTable'),
        PRICE_HOLDS_TABLE_NAME: ref('PriceHoldsTable'),
      },
    }),
  ],
  resources: {
    // One item per product (`DemandFeatures`): its hydrated demand, a new version per change. The
    // stream carries each version to adjustPrices.
    DemandFeaturesTable: table({ name: 'demand-features', key: { product_id: 'S' }, stream: 'NEW_IMAGE' }),
    // Every price change (`PriceChange`) by product and the features version it answered: the audit trail.
    PriceHistoryTable: table({ name: 'price-history', key: { product_id: 'S', features_version: 'N' } }),
    // Every move the plausibility guards held (`PriceHold`) by product and features version, kept 30 days.
    PriceHoldsTable: table({
      name: 'price-holds',
      key: { product_id: 'S', features_version: 'N' },
      timeToLive: 'expires_at',
    }),
  },
  outputs: {
    DemandFeaturesTableName: ref('DemandFeaturesTable'),
    PriceHistoryTableName: ref('PriceHistoryTable'),
    PriceHoldsTableName: ref('PriceHoldsTable'),
  },
});
