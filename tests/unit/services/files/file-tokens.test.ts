import { describe, expect, it } from 'vitest';
import { createFileTokens } from '../../../../electron/main/services/files/file-tokens';

describe('file tokens', () => {
  it('are random, name the picked file and resolve to its path', () => {
    const tokens = createFileTokens(() => 0);
    const a = tokens.issue('/home/trader/broker.csv');
    const b = tokens.issue('/home/trader/broker.csv');
    expect(a.token).toMatch(/^[0-9a-f]{32}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.fileName).toBe('broker.csv');
    expect(tokens.resolve(a.token)).toBe('/home/trader/broker.csv');
  });

  it('expire after an hour unused; each use keeps a token alive', () => {
    let now = 0;
    const tokens = createFileTokens(() => now);
    const kept = tokens.issue('/a.csv').token;
    const idle = tokens.issue('/b.csv').token;
    now = 50 * 60_000;
    expect(tokens.resolve(kept)).toBe('/a.csv');
    now = 70 * 60_000;
    expect(tokens.resolve(kept)).toBe('/a.csv');
    expect(() => tokens.resolve(idle)).toThrow(expect.objectContaining({ code: 'not_found', message: expect.stringContaining('Choose the file again') }));
  });

  it('belong to one session: another instance knows none of them', () => {
    const token = createFileTokens(() => 0).issue('/a.csv').token;
    expect(() => createFileTokens(() => 0).resolve(token)).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});
