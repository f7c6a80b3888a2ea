import { allow, apiFunction, defineService, getAtt, lambdaFunction, ref, sub, table } from '../../config/src/index.js';

export default defineService({
  service: 'sdp-catalog',
  functions: [
    apiFunction({
      name: 'getProduct',
      description: 'GET /products/{product_id}; one product of the catalog with its current price',
      routes: ['GET /products/{product_id}'],
      statements: [allow(['dynamodb:GetItem'], getAtt('ProductsTable', 'Arn'))],
      environment: { PRODUCTS_TABLE_NAME: ref('ProductsTable') },
    }),
    lambdaFunction({
      name: 'eraseUserOrders',
      description: "Removes users' order lines (invoked by the ops service's erasure)",
      statements: [
        // Finds a user's lines through the ByUser index and deletes them by the table's key.
        allow(['dynamodb:Query'], sub('${OrdersTable.Arn}/index/ByUser')),
        allow(['dynamodb:BatchWriteItem'], getAtt('OrdersTable', 'Arn')),
      ],
      timeout: 300,
      environment: { ORDERS_TABLE_NAME: ref('OrdersTable') },
    }),
  ],
  resources: {
    // The shop's products (`Product`): attributes, current price and its pricing bounds. Its stream
    // carries price changes to downstream consumers.
    ProductsTable: table({ name: 'products', key: { product_id: 'S' }, stream: 'NEW_AND_OLD_IMAGES' }),
    // The shop's orders (`Order`), one item per line (`order_id`, `product_id`), by user and by product.
    OrdersTable: table({
      name: 'orders',
      key: { order_id: 'S', product_id: 'S' },
      indexes: {
        ByUser: { key: { user_id: 'S', ordered_at: 'S' }, projection: 'ALL' },
        // What was ordered of a product and when, for the demand features of dynamic pricing.
        ByProduct: { key: { product_id: 'S', ordered_at: 'S' }, projection: 'ALL' },
      },
    }),
  },
  outputs: {
    ProductsTableName: ref('ProductsTable'),
    ProductsTableArn: getAtt('ProductsTable', 'Arn'),
    OrdersTableName: ref('OrdersTable'),
    OrdersTableArn: getAtt('OrdersTable', 'Arn'),
  },
});
