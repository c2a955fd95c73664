import { describe, expect, it } from 'vitest';
import { parseSnoozeTime, snoozeChoices, toLocalInput } from './snooze.ts';

// Local time throughout: the form shows and reads the browser's own time zone.
const NOW = new Date(2026, 10, 23, 14, 30); // Monday 23 November 2026, 14:30

describe('snooze times', () => {
  it('offers the usual durations ahead of now', () => {
    const choices = snoozeChoices(NOW);
    expect(choices.map((c) => c.label)).toEqual([
      'For 1 hour',
      'For 4 hours',
      'Until tomorrow, 9:00',
      'Until next Monday, 9:00',
    ]);
    expect(choices[2]?.until).toEqual(new Date(2026, 10, 24, 9, 0));
    // On a Monday, "next Monday" is a week ahead, not today.
    expect(choices[3]?.until).toEqual(new Date(2026, 10, 30, 9, 0));
  });

  it('accepts a future time within 90 days', () => {
    expect(toLocalInput(NOW)).toBe('2026-11-23T14:30');
    expect(parseSnoozeTime('2026-12-01T08:15', NOW)).toEqual({ until: new Date(2026, 11, 1, 8, 15) });
  });

  it('refuses what the server would refuse, with a reason', () => {
    expect(parseSnoozeTime('', NOW)).toEqual({ error: 'Pick a date and a time.' });
    expect(parseSnoozeTime('tomorrow', NOW)).toEqual({ error: 'Pick a date and a time.' });
    expect(parseSnoozeTime('2026-02-31T09:00', NOW)).toEqual({ error: 'That date does not exist.' });
    expect(parseSnoozeTime('2026-11-23T14:30', NOW)).toEqual({ error: 'Pick a time in the future.' });
    expect(parseSnoozeTime('2026-11-01T09:00', NOW)).toEqual({ error: 'Pick a time in the future.' });
    expect(parseSnoozeTime('2027-03-01T09:00', NOW)).toEqual({ error: 'Snooze for at most 90 days.' });
  });
});
