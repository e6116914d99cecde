/**
 * The manifest's `schedules` in AWS: one EventBridge rule per schedule (`rate(N minutes)`) that
 * invokes the function's `live` alias with the schedule's constant input, and one alarm per
 * schedule that fires when a run failed: EventBridge could not invoke the function
 * (FailedInvocations), or the function raised an error. Offline the same schedules run on the
 * local server's timers (local/schedules.ts).
 */
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import type { ScheduleConfig } from '../../platform/manifest/index.js';
import type { ReleasedFunction } from './released-function.js';

export interface ScheduledJobsProps {
  /** e.g. `roam-dev`, used in rule and alarm names. */
  readonly namePrefix: string;
  readonly schedules: Readonly<Record<string, ScheduleConfig>>;
  /** The deployed functions, by manifest name. */
  readonly functions: ReadonlyMap<string, ReleasedFunction>;
}

/** EventBridge retries a failed delivery this many times (the job itself is idempotent). */
const DELIVERY_RETRIES = 2;

export class ScheduledJobs extends Construct {
  readonly rules: ReadonlyMap<string, events.Rule>;
  readonly alarms: ReadonlyMap<string, cloudwatch.Alarm>;

  constructor(scope: Construct, id: string, props: ScheduledJobsProps) {
    super(scope, id);
    const rules = new Map<string, events.Rule>();
    const alarms = new Map<string, cloudwatch.Alarm>();
    for (const [name, schedule] of Object.entries(props.schedules)) {
      const fn = props.functions.get(schedule.function);
      if (!fn) throw new Error(`Schedule ${name}: no deployed function '${schedule.function}'`);
      const rule = new events.Rule(this, `Rule_${name}`, {
        ruleName: `${props.namePrefix}-${name}`,
        description: schedule.description ?? `Runs ${schedule.function} every ${schedule.rateMinutes} minutes`,
        schedule: events.Schedule.rate(Duration.minutes(schedule.rateMinutes)),
        targets: [
          new targets.LambdaFunction(fn.alias, {
            event: events.RuleTargetInput.fromObject(schedule.input ?? {}),
            retryAttempts: DELIVERY_RETRIES,
          }),
        ],
      });
      const period = Duration.minutes(schedule.rateMinutes);
      const failedInvocations = new cloudwatch.Metric({
        namespace: 'AWS/Events',
        metricName: 'FailedInvocations',
        dimensionsMap: { RuleName: rule.ruleName },
        statistic: 'Sum',
        period,
      });
      alarms.set(
        name,
        new cloudwatch.Alarm(this, `Failed_${name}`, {
          alarmName: `${props.namePrefix}-${name}-failed`,
          alarmDescription: `The scheduled job ${name} failed: EventBridge could not invoke ${schedule.function}, or the function raised an error`,
          metric: new cloudwatch.MathExpression({
            expression: 'FILL(failed, 0) + FILL(errors, 0)',
            usingMetrics: { failed: failedInvocations, errors: fn.alias.metricErrors({ period, statistic: 'Sum' }) },
            label: `${name} failures`,
            period,
          }),
          threshold: 1,
          evaluationPeriods: 1,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        }),
      );
      rules.set(name, rule);
    }
    this.rules = rules;
    this.alarms = alarms;
  }
}
