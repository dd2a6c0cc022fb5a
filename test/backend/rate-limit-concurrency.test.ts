/**
 * Rate-limit windows under tries that arrive together (lookup/rate-limit.ts,
 * migration 018). On PostgreSQL they run at once, on connections of their
 * own, as the lookups of several instances or of one busy instance do:
 * four first tries of a new key were sometimes refused with a whole window
 * to wait (1 round in 20), a citizen told "Tra cứu quá nhiều lần" on a first
 * lookup. Each try must be counted, and only a spent budget may refuse. On
 * PGlite (one connection) the same tries run one after another, and the
 * same must hold.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { tryOnce } from '../../demo/server/lookup/rate-limit.js';
import { openTestDatabase, type TestDatabase } from './helpers.js';

const NOW = new Date('2026-10-13T03:00:00Z');
const ROUNDS = 200;

let database: TestDatabase;
before(async () => {
  database = await openTestDatabase();
});
after(() => database.close());

/** `tries` tries of `key` at once, against a budget of `limit` a minute: the seconds each was told to wait. */
const atOnce = (key: string, tries: number, limit: number) =>
  Promise.all(
    Array.from({ length: tries }, () => tryOnce(database.db, key, { limit, windowSeconds: 60, maxKeys: 100_000 }, NOW)),
  );

test('four first tries of a new key at once are all allowed, and all counted', async () => {
  const refused: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const waits = await atOnce(`lookup-address:together-${round}`, 4, 1000);
    if (waits.some((wait) => wait > 0)) refused.push(`round ${round}: ${waits.join(', ')}`);
  }
  assert.deepEqual(refused, [], 'first tries refused');
  const [counted] = await database.db.query<{ low: number; high: number; keys: number }>(
    "SELECT min(tries)::int AS low, max(tries)::int AS high, count(*)::int AS keys FROM rate_limits WHERE key LIKE 'lookup-address:together-%'",
  );
  assert.deepEqual(counted, { low: 4, high: 4, keys: ROUNDS });
});

test('of six tries at once on a budget of two, exactly two pass and four wait the whole window', async () => {
  for (let round = 0; round < ROUNDS / 2; round++) {
    const waits = await atOnce(`lookup-code:budget-${round}`, 6, 2);
    assert.deepEqual(
      waits.toSorted((a, b) => a - b),
      [0, 0, 60, 60, 60, 60],
      `round ${round}`,
    );
  }
});
