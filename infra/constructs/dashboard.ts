/** One CloudWatch dashboard per stage: the API's traffic, errors and latency, then each Lambda. */
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import type { ApiAlarms } from './api-alarms.js';
import type { ReleasedFunction } from './released-function.js';

export interface DashboardProps {
  /** e.g. `roam-dev`; the dashboard is named after it. */
  readonly namePrefix: string;
  readonly apiAlarms: ApiAlarms;
  readonly functions: readonly ReleasedFunction[];
  /** Further alarms for the status widget (the scheduled jobs'). @default none */
  readonly alarms?: readonly cloudwatch.IAlarm[];
}

export class Dashboard extends Construct {
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: DashboardProps) {
    super(scope, id);
    const { metrics } = props.apiAlarms;
    const alarms = [
      ...props.apiAlarms.all,
      ...props.functions.flatMap((fn) => [fn.errorsAlarm, fn.throttlesAlarm]),
      ...(props.alarms ?? []),
    ];
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', { dashboardName: props.namePrefix });
    this.dashboard.addWidgets(
      new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms, width: 24 }),
      new cloudwatch.GraphWidget({
        title: 'API requests and errors',
        left: [metrics.requests],
        right: [metrics.clientErrors, metrics.serverErrors],
        width: 12,
      }),
      new cloudwatch.GraphWidget({ title: 'API latency p99 (ms)', left: [metrics.latencyP99], width: 12 }),
    );
    for (const fn of props.functions) {
      this.dashboard.addWidgets(
        new cloudwatch.GraphWidget({
          title: `${fn.node.id}: invocations, errors, throttles (live alias); p99 duration`,
          left: [fn.alias.metricInvocations(), fn.alias.metricErrors(), fn.alias.metricThrottles()],
          right: [fn.alias.metricDuration({ statistic: 'p99' })],
          width: 24,
        }),
      );
    }
  }
}
