const PLACEHOLDER = /\{\{\s*(\d+)\s*\}\}/g;

/** The numbered placeholders of a WhatsApp template body, in order: "Hi {{1}}, {{2}}" → [1, 2]. */
export function placeholdersOf(body: string): number[] {
  const numbers = new Set<number>();
  for (const match of body.matchAll(PLACEHOLDER)) numbers.add(Number(match[1]));
  return [...numbers].sort((a, b) => a - b);
}

/** The body as the customer will read it; placeholders without a value stay visible. */
export function fillTemplate(body: string, values: Record<number, string>): string {
  return body.replace(PLACEHOLDER, (whole, n: string) => values[Number(n)]?.trim() || whole);
}
