// How the analytics page writes its figures. Buckets and days are UTC, as the server computes them.

const dayLabel = new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', month: 'short', day: 'numeric' });
const longDay = new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', dateStyle: 'medium' });
const hourLabel = new Intl.DateTimeFormat(undefined, {
  timeZone: 'UTC',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const integer = new Intl.NumberFormat();

/** "45 s", "3 min 20 s", "2 h 5 min", "3 d 4 h"; "—" when nothing was measured. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) {
    const m = Math.floor(s / 60);
    return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  }
  if (s < 86_400) {
    const h = Math.floor(s / 3600);
    const m = Math.round((s % 3600) / 60);
    return m ? `${h} h ${m} min` : `${h} h`;
  }
  const d = Math.floor(s / 86_400);
  const h = Math.round((s % 86_400) / 3600);
  return h ? `${d} d ${h} h` : `${d} d`;
}

/** Axis ticks: "45s", "7.5m", "2h", "3d". */
export function formatSecondsShort(seconds: number): string {
  const tidy = (n: number) => String(Math.round(n * 10) / 10);
  if (seconds < 60) return `${tidy(seconds)}s`;
  if (seconds < 3600) return `${tidy(seconds / 60)}m`;
  if (seconds < 86_400) return `${tidy(seconds / 3600)}h`;
  return `${tidy(seconds / 86_400)}d`;
}

/** 0.75 → "75%", 1/3 → "33.3%"; "—" for no data. */
export function formatShare(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return '—';
  const percent = ratio * 100;
  const rounded = Math.round(percent * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)}%`;
}

export function formatCount(n: number): string {
  return integer.format(n);
}

/** "1 lead", "2 leads": a count with its noun (English plurals by -s unless given). */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
  return `${formatCount(n)} ${n === 1 ? noun : plural}`;
}

/** A bucket's start for an axis: "14:00" by hour, "Mar 2" by day. */
export function formatBucket(iso: string, hourly: boolean): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return hourly ? `${dayLabel.format(at)} ${hourLabel.format(at)}` : dayLabel.format(at);
}

/** "Mar 2, 2026" for a YYYY-MM-DD day. */
export function formatDay(day: string): string {
  const at = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(at.getTime()) ? day : longDay.format(at);
}
