import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { httpErrorHandler, jsonResponse, requireApiKey } from '@sdp/shared-http';
import { logger, requiredEnv } from '@sdp/shared-runtime';
import { dynamoDbProductWindowsTable } from '../adapters/productWindowsTable.js';
import { buildProductList } from '../domain/buildProductList.js';
import { parseProductListRequest } from '../domain/parseProductListRequest.js';

const productWindows = dynamoDbProductWindowsTable(new DynamoDBClient({}), requiredEnv('PRODUCT_WINDOWS_TABLE_NAME'));

/** GET /reports/products: products with a window starting in [from, to), ranked by one total (top-N). */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use(injectLambdaContext(logger))
  .use(httpErrorHandler({ logger }))
  .use(requireApiKey({ scope: 'report' }))
  .handler(async (event) => {
    const request = parseProductListRequest(event.queryStringParameters, new Date());
    return jsonResponse(200, buildProductList(request, await productWindows.windowsStartingIn(request)));
  });
