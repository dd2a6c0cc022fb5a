/**
 * Dates as Vietnamese documents write them, `dd/mm/yyyy HH:mm`, in Vietnam's
 * time (Asia/Ho_Chi_Minh) whatever the device's zone: a citizen abroad or a
 * phone set to another zone must read the same date the agency wrote.
 * The same digits in English: en-GB writes dates day first too. Shared by
 * the form's receipt and the lookup, so both show a dossier's times alike.
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

/** `dd/mm/yyyy HH:mm`, or `dd/mm/yyyy` without the time; what it was given if that is not a date. */
export function dateTime(iso: string, withTime = true): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const p = Object.fromEntries(parts.formatToParts(date).map((part) => [part.type, part.value]));
  const day = `${p['day']}/${p['month']}/${p['year']}`;
  return withTime ? `${day} ${p['hour']}:${p['minute']}` : day;
}
