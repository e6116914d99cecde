import { LocalAuthDefaults } from '../constants.js';

/** The one IAM principal the offline server knows: an access key pair and who it belongs to. */
export interface LocalIamCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** @default '123456789012' */
  readonly accountId?: string;
  /** The IAM user name in `userArn`. @default 'offline-developer' */
  readonly userName?: string;
  /** The IAM user's unique id, reported as `ctx.identity.username`. @default 'AIDAOFFLINELOCAL0001' */
  readonly userId?: string;
}

/** The fixed local credentials, with `overrides` applied (from `--iam-access-key-id`/`--iam-secret-access-key`). */
export function localIamCredentials(overrides: Partial<LocalIamCredentials> = {}): Required<LocalIamCredentials> {
  return {
    accessKeyId: overrides.accessKeyId ?? LocalAuthDefaults.IAM_ACCESS_KEY_ID,
    secretAccessKey: overrides.secretAccessKey ?? LocalAuthDefaults.IAM_SECRET_ACCESS_KEY,
    accountId: overrides.accountId ?? LocalAuthDefaults.IAM_ACCOUNT_ID,
    userName: overrides.userName ?? LocalAuthDefaults.IAM_USER_NAME,
    userId: overrides.userId ?? LocalAuthDefaults.IAM_USER_ID,
  };
}
