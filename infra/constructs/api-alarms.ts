/**
 * Alarms on the AppSync API as a whole: server errors (5XX), the share of failed requests, and
 * p99 latency. Lambda errors and throttles are alarmed per function in ReleasedFunction, where
 * CodeDeploy watches them during a canary.
 */
import { Duration } from 'aws-cdk-lib';
import type * as appsync from 'aws-cdk-lib/aws-appsync';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { AlarmThresholds } from '../constants.js';

export interface ApiAlarmsProps {
  readonly api: appsync.IGraphqlApi;
  /** e.g. `roam-dev`, used in alarm names. */
  readonly namePrefix: string;
}

export class ApiAlarms extends Construct {
  readonly serverErrors: cloudwatch.Alarm;
  readonly errorRate: cloudwatch.Alarm;
  readonly latency: cloudwatch.Alarm;
  /** The metrics the alarms watch, for the dashboard. */
  readonly metrics: {
    readonly requests: cloudwatch.IMetric;
    readonly clientErrors: cloudwatch.IMetric;
    readonly serverErrors: cloudwatch.IMetric;
    readonly latencyP99: cloudwatch.IMetric;
  };

  constructor(scope: Construct, id: string, props: ApiAlarmsProps) {
    super(scope, id);
    const metric = (metricName: string, statistic: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/AppSync',
        metricName,
        dimensionsMap: { GraphQLAPIId: props.api.apiId },
        statistic,
        period: Duration.minutes(1),
      });
    const requests = metric('Requests', 'Sum');
    const clientErrors = metric('4XXError', 'Sum');
    const serverErrors = metric('5XXError', 'Sum');
    const latencyP99 = metric('Latency', 'p99');
    this.metrics = { requests, clientErrors, serverErrors, latencyP99 };

    this.serverErrors = new cloudwatch.Alarm(this, 'ServerErrors', {
      alarmName: `${props.namePrefix}-api-5xx`,
      alarmDescription: 'AppSync answered with 5XX errors (resolver or data source failures)',
      metric: serverErrors,
      threshold: AlarmThresholds.API_5XX_PER_MINUTE,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.errorRate = new cloudwatch.Alarm(this, 'ErrorRate', {
      alarmName: `${props.namePrefix}-api-error-rate`,
      alarmDescription: `More than ${AlarmThresholds.API_ERROR_RATE_PERCENT}% of GraphQL requests failed (4XX + 5XX)`,
      metric: new cloudwatch.MathExpression({
        expression: 'IF(requests > 0, 100 * (clientErrors + serverErrors) / requests, 0)',
        usingMetrics: { requests, clientErrors, serverErrors },
        label: 'error rate %',
        period: Duration.minutes(1),
      }),
      threshold: AlarmThresholds.API_ERROR_RATE_PERCENT,
      evaluationPeriods: 5,
      datapointsToAlarm: 3,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.latency = new cloudwatch.Alarm(this, 'Latency', {
      alarmName: `${props.namePrefix}-api-latency-p99`,
      alarmDescription: `GraphQL p99 latency above ${AlarmThresholds.API_P99_LATENCY_MS} ms`,
      metric: latencyP99,
      threshold: AlarmThresholds.API_P99_LATENCY_MS,
      evaluationPeriods: 5,
      datapointsToAlarm: 3,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }

  /** Every API alarm, for the dashboard's alarm status widget. */
  get all(): cloudwatch.IAlarm[] {
    return [this.serverErrors, this.errorRate, this.latency];
  }
}
