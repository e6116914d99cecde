/**
 * The scheduled jobs Lambda (the manifest's `schedules`: EventBridge in AWS, a timer and
 * `npm run jobs` offline). The event names the job (`{ job: 'complete-stays' }`). Each job runs
 * the back-office mutation that does the work, IAM-signed, so it does exactly what a person calling
 * it would (referral rewards, the onBookingUpdated event, published balances):
 * - `complete-stays`: completeStay for every confirmed stay whose check-out date has come on the
 *   hotel's calendar. Idempotent: completeStay locks the booking and completes it once, so two runs
 *   at once complete each stay once.
 * - `expire-credits`: expireCredits as of now.
 * A job that could not finish throws, so the invocation counts as an error and the alarm sees it.
 */
import { RDSData } from '@aws-sdk/client-rds-data';
import { loadConfig, type MoneyConfig } from '../shared/config.js';
import { createDataAccess, type SqlExecutor } from '../shared/data-api.js';
import { callGraphql } from '../shared/graphql-call.js';
import { logger, tracer } from '../shared/powertools.js';

/** Stays completed per run at most; the next run (an hour later) takes the rest. */
export const COMPLETE_STAYS_BATCH = 500;

const COMPLETE_STAY = 'mutation CompleteStay($id: ID!) { completeStay(bookingId: $id) { id userId status checkOut } }';
const EXPIRE_CREDITS = 'mutation ExpireCredits { expireCredits { asOf usersAffected entriesWritten } }';

/** What a run reports (the Lambda's result, and the offline log line). */
export interface JobReport {
  job: string;
  [detail: string]: unknown;
}

/** Confirmed stays whose check-out date has come on their hotel's calendar, oldest first. */
export async function dueStays(db: SqlExecutor, at: Date, limit = COMPLETE_STAYS_BATCH): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT b.id FROM bookings b JOIN hotels h ON h.id = b.hotel_id
      WHERE b.status = 'CONFIRMED' AND b.check_out <= (:at::timestamptz AT TIME ZONE h.time_zone)::date
      ORDER BY b.check_out, b.id LIMIT :limit`,
    { at: at.toISOString(), limit },
  );
  return rows.map((row) => row.id);
}

async function completeStays(db: SqlExecutor, config: MoneyConfig): Promise<JobReport> {
  const due = await dueStays(db, new Date());
  const failed: { bookingId: string; error: string }[] = [];
  for (const bookingId of due) {
    const { errors } = await callGraphql(config, COMPLETE_STAY, { id: bookingId });
    if (errors.length > 0) failed.push({ bookingId, error: `${errors[0]?.errorType ?? 'Error'}: ${errors[0]?.message}` });
  }
  const report = { job: 'complete-stays', due: due.length, completed: due.length - failed.length, failed };
  if (failed.length > 0) {
    logger.error('some stays could not be completed', report);
    throw new Error(`${failed.length} of ${due.length} stays could not be completed`);
  }
  return report;
}

async function expireCredits(config: MoneyConfig): Promise<JobReport> {
  const { data, errors } = await callGraphql(config, EXPIRE_CREDITS, {});
  if (errors.length > 0) throw new Error(`expireCredits failed: ${errors[0]?.errorType ?? 'Error'}: ${errors[0]?.message}`);
  return { job: 'expire-credits', ...(data?.expireCredits as Record<string, unknown>) };
}

/** The jobs, by the name the schedule's event gives. */
export const JOBS = ['complete-stays', 'expire-credits'] as const;

let db: SqlExecutor | undefined;

/** Lambda entry: `{ job }` from the schedule's constant input. */
export async function handler(event: { job?: string } | null): Promise<JobReport> {
  const config = loadConfig();
  db ??= createDataAccess({
    api: tracer.captureAWSv3Client(new RDSData({ region: config.region })),
    resourceArn: config.resourceArn,
    secretArn: config.secretArn,
    database: config.database,
  });
  const job = event?.job;
  logger.appendKeys({ job });
  try {
    if (job === 'complete-stays') return logged(await completeStays(db, config));
    if (job === 'expire-credits') return logged(await expireCredits(config));
    throw new Error(`Unknown job ${String(job)}; the jobs are ${JOBS.join(', ')}`);
  } finally {
    logger.resetKeys();
  }
}

function logged(report: JobReport): JobReport {
  logger.info('job finished', report);
  return report;
}
