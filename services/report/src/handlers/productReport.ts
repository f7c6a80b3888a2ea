import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { httpErrorHandler, jsonResponse, requireApiKey } from '@sdp/shared-http';
import { logger, requiredEnv } from '@sdp/shared-runtime';
import { dynamoDbProductWindowsTable } from '../adapters/productWindowsTable.js';
import { buildProductReport } from '../domain/buildProductReport.js';
import { parseProductReportRequest } from '../domain/parseProductReportRequest.js';

const productWindows = dynamoDbProductWindowsTable(new DynamoDBClient({}), requiredEnv('PRODUCT_WINDOWS_TABLE_NAME'));

/** GET /reports/products/{product_id}: a product's views, carts, checkouts, purchases and conversion per period, with totals. */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use(injectLambdaContext(logger))
  .use(httpErrorHandler({ logger }))
  .use(requireApiKey({ scope: 'report' }))
  .handler(async (event) => {
    const request = parseProductReportRequest(
      { productId: event.pathParameters?.product_id, query: event.queryStringParameters },
      new Date(),
    );
    return jsonResponse(200, buildProductReport(request, await productWindows.windowsOf(request.productId, request)));
  });
