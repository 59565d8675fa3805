/**
 * A date (and time) as the app shows it everywhere a person reads one:
 * "7 Dec 2026, 01:15" (or "7 Dec 2026"), month named and 24-hour clock, in
 * local time — never "12/7/2026", which US and European readers read as
 * different days. Tables that sort keep ISO ("2026-12-07 01:15").
 * Something that is not a date is shown as given.
 */
const DATE_TIME = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

export function formatDateTime(value: string | Date, { time = true }: { time?: boolean } = {}): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return (time ? DATE_TIME : DATE).format(date);
}
