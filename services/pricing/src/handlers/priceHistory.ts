import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { httpErrorHandler, jsonResponse, requireApiKey } from '@sdp/shared-http';
import { logger, requiredEnv } from '@sdp/shared-runtime';
import { dynamoDbPriceBook } from '../adapters/priceBook.js';
import { parsePriceHistoryRequest } from '../domain/parsePriceHistoryRequest.js';

const book = dynamoDbPriceBook(new DynamoDBClient({}), {
  products: requiredEnv('PRODUCTS_TABLE_NAME'),
  priceHistory: requiredEnv('PRICE_HISTORY_TABLE_NAME'),
  priceHolds: requiredEnv('PRICE_HOLDS_TABLE_NAME'),
});

/** GET /products/{product_id}/price-history: every change dynamic pricing made, and every move it held, newest first, with why. */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use(injectLambdaContext(logger))
  .use(httpErrorHandler({ logger }))
  .use(requireApiKey({ scope: 'report' }))
  .handler(async (event) => {
    const { productId, limit } = parsePriceHistoryRequest(
      event.pathParameters?.product_id,
      event.queryStringParameters,
    );
    const [changes, holds] = await Promise.all([book.history(productId, limit), book.holds(productId, limit)]);
    return jsonResponse(200, { product_id: productId, changes, holds });
  });
