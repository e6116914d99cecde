import { describe, expect, it } from 'vitest';
import { tokenCommand } from '../../../local/config/token-hint.js';
import { config } from '../../../local.config.js';

describe('Function: tokenCommand (the banner line for npm run token)', () => {
  it("suggests the first playground user who has groups, with the project's own groups", () => {
    expect(tokenCommand([{ username: 'alice' }, { username: 'pat', groups: ['partners'] }])).toBe(
      'npm run -s token -- --user pat --groups partners',
    );
    expect(tokenCommand([{ username: 'zoe', groups: ['ops', 'audit'] }], ' --data-dir tmp')).toBe(
      'npm run -s token -- --user zoe --groups ops,audit --data-dir tmp',
    );
  });

  it('falls back to a plain user when no one has a group, or no users are configured', () => {
    expect(tokenCommand([{ username: 'bob', groups: [] }])).toBe('npm run -s token -- --user bob');
    expect(tokenCommand([])).toBe('npm run -s token -- --user alice');
  });

  it("names Roam's partners group, not one the project never checks", () => {
    expect(tokenCommand(config.playground?.users ?? [])).toMatch(/--groups partners$/);
  });
});
