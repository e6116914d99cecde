/** `util.transform`. */
import { toDynamoDBExpression } from './dynamodb-expression.js';
import { toElasticsearchQueryDSL } from './opensearch.js';
import { toSubscriptionFilter } from './subscription-filter.js';

/** The members of `util.transform`. */
export const transform = {
  toDynamoDBFilterExpression: (filter: unknown): string | null => toDynamoDBExpression(filter),
  toDynamoDBConditionExpression: (condition: unknown): string | null => toDynamoDBExpression(condition),
  toElasticsearchQueryDSL,
  toSubscriptionFilter,
};
