/**
 * What a load balancer or a supervisor asks an instance, outside the API
 * (they are the operator's, not the widgets'): `/healthz` says the process
 * answers at all (liveness: restart it when this fails), `/readyz` says it
 * can serve a citizen now (readiness: send it traffic only while this is
 * 200): the database answers within {@link READY_TIMEOUT_MS}, and the
 * instance is not stopping. A stopping instance turns unready first, so the
 * balancer moves traffic away before its connections close.
 */
import type { Queryable } from '../db/index.js';
import { jsonReply, type TextReply } from './replies.js';

export const LIVENESS_PATH = '/healthz';
export const READINESS_PATH = '/readyz';
export const isHealthPath = (pathname: string): boolean => pathname === LIVENESS_PATH || pathname === READINESS_PATH;

/** A database slower than this counts as down: the balancer should try another instance. */
const READY_TIMEOUT_MS = 2000;

export interface Health {
  /** The answer for `pathname`, when it is a health path. */
  answer(pathname: string): Promise<TextReply> | undefined;
  /** From now on, readiness answers 503 (the instance is stopping). */
  drain(): void;
}

async function databaseAnswers(db: Queryable): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((done) => {
    timer = setTimeout(() => done(false), READY_TIMEOUT_MS);
  });
  try {
    return await Promise.race([db.query('SELECT 1').then(() => true), late]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export function healthChecks(db: Queryable): Health {
  let draining = false;
  async function readiness(): Promise<TextReply> {
    if (draining) return jsonReply(503, { status: 'stopping' });
    return (await databaseAnswers(db))
      ? jsonReply(200, { status: 'ready' })
      : jsonReply(503, { status: 'database unavailable' });
  }
  return {
    answer: (pathname) => {
      if (pathname === LIVENESS_PATH) return Promise.resolve(jsonReply(200, { status: 'alive' }));
      if (pathname === READINESS_PATH) return readiness();
      return undefined;
    },
    drain: () => {
      draining = true;
    },
  };
}
