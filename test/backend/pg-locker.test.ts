/**
 * The upload lock shared by instances (uploads/pg-locker.ts), on a real
 * PostgreSQL: two lockers stand for two instances. The one that wants a
 * locked upload asks the holder to let go and gets the lock once it has;
 * a holder that never lets go makes it give up (tus then answers 423); an
 * instance that dies frees its locks; two requests of one instance wait
 * for each other. Needs DATABASE_URL (CI sets it; PGlite serves one
 * process, where tus's own in-memory lock is enough).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { ERRORS } from '@tus/utils';
import { PostgresLocker } from '../../demo/server/uploads/pg-locker.js';
import { DATABASE_URL } from './helpers.js';

const lockers: PostgresLocker[] = [];
const instance = () => {
  const locker = new PostgresLocker(DATABASE_URL!, () => {});
  lockers.push(locker);
  return locker;
};
after(() => Promise.all(lockers.map((locker) => locker.close())));

const newId = () => randomBytes(16).toString('base64url');
const never = () => new AbortController().signal;

describe('upload locks shared by instances', { skip: DATABASE_URL ? false : 'needs DATABASE_URL (PostgreSQL)' }, () => {
  test('a second instance asks the holder to let go, and gets the lock once it has', async () => {
    const [first, second] = [instance(), instance()];
    const id = newId();
    const held = first.newLock(id);
    let asked = 0;
    await held.lock(never(), async () => {
      asked += 1;
      await held.unlock();
    });
    const started = Date.now();
    await second.newLock(id).lock(never(), () => {});
    assert.equal(asked, 1, 'the holder was asked once');
    assert.ok(Date.now() - started < 5000);
  });

  test('a holder that does not let go: the other gives up when its request stops, and tus answers 423', async () => {
    const [first, second] = [instance(), instance()];
    const id = newId();
    await first.newLock(id).lock(never(), () => {});
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 300);
    await assert.rejects(
      second.newLock(id).lock(stop.signal, () => {}),
      (error) => error === ERRORS.ERR_LOCK_TIMEOUT,
    );
  });

  test('an instance that dies frees its locks', async () => {
    const [doomed, survivor] = [instance(), instance()];
    const id = newId();
    await doomed.newLock(id).lock(never(), () => {});
    await doomed.close();
    await survivor.newLock(id).lock(never(), () => {});
  });

  test('two requests of one instance wait for each other (session locks are re-entrant, so memory decides first)', async () => {
    const locker = instance();
    const id = newId();
    const first = locker.newLock(id);
    const order: string[] = [];
    await first.lock(never(), async () => {
      order.push('first asked to let go');
      await first.unlock();
    });
    await locker.newLock(id).lock(never(), () => {});
    order.push('second holds it');
    assert.deepEqual(order, ['first asked to let go', 'second holds it']);
  });
});
