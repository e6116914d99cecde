// The Lambdas' publisher signs its calls so that the offline server's IAM check accepts them. The
// publish* mutations have no resolver yet (see the report), so a call either succeeds or fails
// past authentication; it must never be refused as unsigned or badly signed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublisher } from '../../../resolvers/lambda/shared/publish.js';
import { startMoneyApi, type MoneyTestApi } from './support.js';

let api: MoneyTestApi;

beforeAll(async () => {
  api = await startMoneyApi({ hotels: 5 });
});

afterAll(async () => {
  await api?.close();
});

describe('publisher', () => {
  it('posts publishCreditBalanceChanged SigV4-signed with the Lambda credentials', async () => {
    const { server } = api.roam;
    process.env.AWS_ACCESS_KEY_ID = server.auth.iam.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = server.auth.iam.secretAccessKey;
    const logged: Record<string, unknown>[] = [];
    const publisher = createPublisher({ graphqlUrl: `${server.url}/graphql`, region: server.auth.region }, (_message, detail) =>
      logged.push(detail),
    );
    await publisher.creditBalanceChanged({
      userId: 'sub-1',
      balance: { amount: 100, currency: 'USD' },
      changedAt: new Date().toISOString(),
      entries: [
        {
          id: 'e1',
          kind: 'PROMO',
          amount: { amount: 100, currency: 'USD' },
          expiresAt: new Date().toISOString(),
          bookingId: null,
          note: null,
          createdAt: new Date().toISOString(),
        },
      ],
    });
    if (process.env.MONEY_TEST_LOG) console.log(JSON.stringify(logged));
    for (const detail of logged) {
      expect(detail.status).not.toBe(401);
      expect(detail.status).not.toBe(403);
      expect(JSON.stringify(detail.errors)).not.toMatch(/Unauthorized|Signature/);
    }
  });

  it('is refused when signed with other credentials (the check above can fail)', async () => {
    const { server } = api.roam;
    process.env.AWS_ACCESS_KEY_ID = server.auth.iam.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = 'not-the-secret';
    const logged: Record<string, unknown>[] = [];
    const publisher = createPublisher({ graphqlUrl: `${server.url}/graphql`, region: server.auth.region }, (_message, detail) =>
      logged.push(detail),
    );
    await publisher.availabilityChanged({ hotelId: 'h', roomTypeId: 'r', nights: [], changedAt: new Date().toISOString() });
    expect(logged).toHaveLength(1);
    expect([401, 403]).toContain(logged[0]?.status);
  });
});
