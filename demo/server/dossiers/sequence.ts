/**
 * Dossier codes: `<agency code>-<yymmdd>-<sequence>` (DOMAIN.md §4), e.g.
 * `000.00.01.H99-261122-0001`. The day is the date of reception in Viet
 * Nam, whatever the server's time zone; the sequence counts per agency per
 * day, at least 4 digits (portals print 4; the 10,000th dossier of a day
 * gets 5 rather than a collision).
 */
import { localDate } from '../calendar/working-days.js';
import type { Queryable } from '../db/index.js';

/**
 * The next code of `agencyCode` for a dossier received at `receivedAt`.
 * One statement increments the day's counter under its row lock, so
 * concurrent filings get distinct numbers; inside the filing transaction,
 * a filing that fails gives its number back.
 */
export async function nextDossierCode(tx: Queryable, agencyCode: string, receivedAt: Date): Promise<string> {
  const day = localDate(receivedAt);
  const [row] = await tx.query<{ last: number }>(
    `INSERT INTO dossier_sequences (agency_code, day, last) VALUES ($1, $2, 1)
     ON CONFLICT (agency_code, day) DO UPDATE SET last = dossier_sequences.last + 1
     RETURNING last`,
    [agencyCode, day],
  );
  const yymmdd = day.slice(2).replaceAll('-', '');
  return `${agencyCode}-${yymmdd}-${String(row!.last).padStart(4, '0')}`;
}
