/**
 * Dates as Vietnamese documents write them, `dd/mm/yyyy HH:mm`, in Vietnam's
 * time (Asia/Ho_Chi_Minh) whatever the device's zone: a citizen abroad or a
 * phone set to another zone must read the same date the agency wrote.
 * The same digits in English: en-GB writes dates day first too.
 */
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function dateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const p = Object.fromEntries(parts.formatToParts(date).map((part) => [part.type, part.value]));
  return `${p['day']}/${p['month']}/${p['year']} ${p['hour']}:${p['minute']}`;
}

/** A pasted dossier code: upper case, without spaces (also non-breaking and zero-width ones). */
export const normaliseCode = (raw: string): string => raw.normalize('NFKC').replace(/[\s\u200b-\u200d\ufeff]/g, '').toUpperCase();
