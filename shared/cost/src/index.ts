/** The AWS billing arithmetic: request units, billed units and the dated price table. */
export { PRICE_TABLE } from './priceTable.js';
export type { PricedUnit } from './priceTable.js';
export { dynamoDbItemSize } from './dynamoDbItemSize.js';
export type { WireAttributeValue } from './dynamoDbItemSize.js';
export { readRequestUnits, writeRequestUnits } from './dynamoDbRequestUnits.js';
export { athenaBilledBytes, httpApiRequests, kinesisPayloadUnits, lambdaGbSeconds } from './billedUnits.js';
export { priceUsage } from './priceUsage.js';
export type { PricedUsage, Usage } from './priceUsage.js';
