// Generated from contracts/openapi.yaml by `npm run generate`. Do not edit.
import type { ValidateFunction } from 'ajv';
import type { components } from './types.js';

export declare const validateTxId: ValidateFunction<components['schemas']['TxId']>;
export declare const validateCampaignItemId: ValidateFunction<components['schemas']['CampaignItemId']>;
export declare const validatePrice: ValidateFunction<components['schemas']['Price']>;
export declare const validateLabel: ValidateFunction<components['schemas']['Label']>;
export declare const validateBid: ValidateFunction<components['schemas']['Bid']>;
export declare const validateImpression: ValidateFunction<components['schemas']['Impression']>;
export declare const validateClick: ValidateFunction<components['schemas']['Click']>;
export declare const validateEventType: ValidateFunction<components['schemas']['EventType']>;
export declare const validateEvent: ValidateFunction<components['schemas']['Event']>;
export declare const validateEventBatch: ValidateFunction<components['schemas']['EventBatch']>;
export declare const validateEventEnvelope: ValidateFunction<components['schemas']['EventEnvelope']>;
export declare const validateAcceptedEvent: ValidateFunction<components['schemas']['AcceptedEvent']>;
export declare const validateBatchItemResult: ValidateFunction<components['schemas']['BatchItemResult']>;
export declare const validateBatchResult: ValidateFunction<components['schemas']['BatchResult']>;
export declare const validateAggregation: ValidateFunction<components['schemas']['Aggregation']>;
export declare const validatePeriodReport: ValidateFunction<components['schemas']['PeriodReport']>;
export declare const validateCampaignList: ValidateFunction<components['schemas']['CampaignList']>;
export declare const validateEnrichedEvent: ValidateFunction<components['schemas']['EnrichedEvent']>;
export declare const validateAggregationWindow: ValidateFunction<components['schemas']['AggregationWindow']>;
export declare const validatePredictionRequest: ValidateFunction<components['schemas']['PredictionRequest']>;
export declare const validatePredictionResponse: ValidateFunction<components['schemas']['PredictionResponse']>;
export declare const validateViolation: ValidateFunction<components['schemas']['Violation']>;
export declare const validateItemError: ValidateFunction<components['schemas']['ItemError']>;
export declare const validateError: ValidateFunction<components['schemas']['Error']>;
