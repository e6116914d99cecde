/**
 * Announces committed changes to subscribers. AppSync publishes only mutation results, and a
 * change made inside a Lambda's transaction (a balance, a booking's nights) is not the result of
 * the mutation the user called, so after the commit the Lambda calls the IAM-only publish
 * mutations (`publishCreditBalanceChanged`, `publishHotelAvailabilityChanged`) on the GraphQL API,
 * SigV4-signed with its own role. A failed publish is logged, never undoes the committed change.
 */
import { lambdaCredentials, type MoneyConfig } from './config.js';
import { signRequest } from './sigv4.js';

const MONEY = '{ amount currency }';
const CREDIT_CHANGE_MUTATION = `mutation PublishCreditBalanceChanged($input: CreditBalanceChangeInput!) {
  publishCreditBalanceChanged(input: $input) { userId balance ${MONEY} entries { id kind amount ${MONEY} expiresAt bookingId note createdAt } changedAt }
}`;
const AVAILABILITY_MUTATION = `mutation PublishHotelAvailabilityChanged($input: HotelAvailabilityChangeInput!) {
  publishHotelAvailabilityChanged(input: $input) { hotelId roomTypeId nights { date roomsLeft rate ${MONEY} } changedAt }
}`;

export interface MoneyValue {
  amount: number;
  currency: string;
}

/** A CreditBalanceChangeInput. */
export interface CreditBalanceChange {
  userId: string;
  balance: MoneyValue;
  entries: {
    id: string;
    kind: string;
    amount: MoneyValue;
    expiresAt: string | null;
    bookingId: string | null;
    note: string | null;
    createdAt: string;
  }[];
  changedAt: string;
}

/** A HotelAvailabilityChangeInput. */
export interface AvailabilityChange {
  hotelId: string;
  roomTypeId: string;
  nights: { date: string; roomsLeft: number; rate: MoneyValue | null }[];
  changedAt: string;
}

/** Sends the publish mutations. */
export interface Publisher {
  creditBalanceChanged(change: CreditBalanceChange): Promise<void>;
  availabilityChanged(change: AvailabilityChange): Promise<void>;
}

/** Logs what could not be published. */
export type PublishLog = (message: string, detail: Record<string, unknown>) => void;

/** A publisher posting to `config.graphqlUrl`; without a URL or credentials it publishes nothing. */
export function createPublisher(config: Pick<MoneyConfig, 'graphqlUrl' | 'region'>, log: PublishLog): Publisher {
  async function post(query: string, input: unknown): Promise<void> {
    const credentials = lambdaCredentials();
    if (!config.graphqlUrl || !credentials) return;
    const body = JSON.stringify({ query, variables: { input } });
    try {
      const headers = signRequest({
        method: 'POST',
        url: config.graphqlUrl,
        body,
        headers: { 'content-type': 'application/json' },
        credentials,
        region: config.region,
        service: 'appsync',
        now: new Date(),
      });
      const response = await fetch(config.graphqlUrl, { method: 'POST', headers, body });
      const reply = (await response.json()) as { errors?: unknown[] };
      if (!response.ok || reply.errors?.length) log('publish failed', { status: response.status, errors: reply.errors });
    } catch (error) {
      log('publish failed', { error: String(error) });
    }
  }
  return {
    creditBalanceChanged: (change) => post(CREDIT_CHANGE_MUTATION, change),
    availabilityChanged: (change) => post(AVAILABILITY_MUTATION, change),
  };
}
