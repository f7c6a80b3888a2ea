import { Logger } from '@aws-lambda-powertools/logger';

/** The Powertools logger every function shares; service name and level come from the environment. */
export const logger = new Logger();
