/** Messages that show what the AI does; the first two are the demo's (docs: DEMO.md steps 3 and 4). */
export const EXAMPLE_MESSAGES: readonly string[] = [
  "Hi! What's the price of the Pro plan? I need it for my team today.",
  "This is the third time my order is late, I want a refund or I'll call my lawyer",
  'Do you deliver to Lyon? And how long does it take?',
  'What are your opening hours on Sunday?',
  'Love the new seasonal blend 😍 is it back next year?',
];

/** "2 days ago" for the WhatsApp 24-hour window: the message is dated in the past, and so is the window. */
export const BACKDATE_CHOICES: ReadonlyArray<{ value: string; label: string; ms: number }> = [
  { value: 'now', label: 'Now', ms: 0 },
  { value: '1h', label: '1 hour ago', ms: 3_600_000 },
  { value: '23h', label: '23 hours ago (window closes in 1 hour)', ms: 23 * 3_600_000 },
  { value: '2d', label: '2 days ago (24-hour window closed)', ms: 2 * 86_400_000 },
  { value: '8d', label: '8 days ago (past the 7-day human-agent tag)', ms: 8 * 86_400_000 },
];
