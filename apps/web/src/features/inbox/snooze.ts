/** The server refuses a snooze further ahead than this (MAX_SNOOZE_DAYS in packages/core). */
export const MAX_SNOOZE_DAYS = 90;
const DAY_MS = 86_400_000;

function at(hour: number, daysAhead: number, from: Date): Date {
  const date = new Date(from);
  date.setDate(date.getDate() + daysAhead);
  date.setHours(hour, 0, 0, 0);
  return date;
}

/** The usual durations, in the browser's time zone. */
export function snoozeChoices(now = new Date()): Array<{ label: string; until: Date }> {
  const toMonday = (8 - now.getDay()) % 7 || 7;
  return [
    { label: 'For 1 hour', until: new Date(now.getTime() + 3_600_000) },
    { label: 'For 4 hours', until: new Date(now.getTime() + 4 * 3_600_000) },
    { label: 'Until tomorrow, 9:00', until: at(9, 1, now) },
    { label: 'Until next Monday, 9:00', until: at(9, toMonday, now) },
  ];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date as an <input type="datetime-local"> value, in local time, to the minute. */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * A time typed into the snooze form, checked the way the server checks it (in the future, at
 * most 90 days ahead), so the person hears what is wrong before anything is sent.
 */
export function parseSnoozeTime(value: string, now = new Date()): { until: Date } | { error: string } {
  const match = LOCAL_INPUT.exec(value.trim());
  if (!match) return { error: 'Pick a date and a time.' };
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const until = new Date(y, mo - 1, d, h, mi);
  // new Date() rolls 31 February over to March: refuse what the calendar does not have.
  if (until.getMonth() !== mo - 1 || until.getDate() !== d || h > 23 || mi > 59) {
    return { error: 'That date does not exist.' };
  }
  if (until.getTime() <= now.getTime()) return { error: 'Pick a time in the future.' };
  if (until.getTime() > now.getTime() + MAX_SNOOZE_DAYS * DAY_MS) {
    return { error: `Snooze for at most ${MAX_SNOOZE_DAYS} days.` };
  }
  return { until };
}
