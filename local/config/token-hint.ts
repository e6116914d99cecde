import type { PlaygroundUser } from './project.js';

/**
 * The `npm run token` command the banner suggests: for the project's first playground user who
 * belongs to a group (so the example shows the groups the project really checks), else a plain user.
 * `-s` keeps npm's own lines off stdout, so `TOKEN=$(…)` captures the token alone.
 */
export function tokenCommand(users: readonly PlaygroundUser[], dataDirFlag = ''): string {
  const grouped = users.find((user) => (user.groups ?? []).length > 0);
  const user = grouped ?? users[0];
  const groups = grouped ? ` --groups ${(grouped.groups ?? []).join(',')}` : '';
  return `npm run -s token -- --user ${user?.username ?? 'alice'}${groups}${dataDirFlag}`;
}
