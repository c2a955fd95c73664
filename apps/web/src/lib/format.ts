const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function formatDateTime(iso: string): string {
  const value = new Date(iso);
  return Number.isNaN(value.getTime()) ? iso : dateTime.format(value);
}

export function formatDate(iso: string): string {
  const value = new Date(iso);
  return Number.isNaN(value.getTime()) ? iso : date.format(value);
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' });
const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const dayAndTime = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "now", "5 min. ago", "in 3 hr.", "yesterday"; past a week, the date. */
export function formatRelative(iso: string, now: number = Date.now()): string {
  const value = new Date(iso).getTime();
  if (Number.isNaN(value)) return iso;
  const diff = value - now;
  const abs = Math.abs(diff);
  if (abs < 45_000) return 'now';
  if (abs >= 7 * 86_400_000) return formatDate(iso);
  for (const [unit, ms] of UNITS) {
    if (abs >= ms || unit === 'minute') return relative.format(Math.round(diff / ms), unit);
  }
  return formatDate(iso);
}

/** A duration for "closes in …" sentences: "3 h 12 min", "45 min", "2 days". */
export function formatDuration(ms: number): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  return `${Math.round(hours / 24)} days`;
}

/** The time for today's messages, the day and time for older ones. */
export function formatMessageTime(iso: string, now: number = Date.now()): string {
  const value = new Date(iso);
  if (Number.isNaN(value.getTime())) return iso;
  return new Date(now).toDateString() === value.toDateString()
    ? time.format(value)
    : dayAndTime.format(value);
}
