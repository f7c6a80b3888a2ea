import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { httpErrorHandler, jsonResponse, parseProductId, requireApiKey } from '@sdp/shared-http';
import { logger, requiredEnv } from '@sdp/shared-runtime';
import { dynamoDbProductsTable } from '../adapters/catalogTables.js';
import { ProductNotFoundError } from '../domain/errors.js';

const products = dynamoDbProductsTable(new DynamoDBClient({}), requiredEnv('PRODUCTS_TABLE_NAME'));

/** GET /products/{product_id}: one product of the catalog with its current price. */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use(injectLambdaContext(logger))
  .use(httpErrorHandler({ logger }))
  .use(requireApiKey({ scope: 'report' }))
  .handler(async (event) => {
    const productId = parseProductId(event.pathParameters?.product_id);
    const product = await products.get(productId);
    if (!product) throw new ProductNotFoundError(productId);
    return jsonResponse(200, product);
  });
