/**
 * Knowledge-base files for the CLI (`replyforce kb search --kb kb.jsonl`): one `{id, question?,
 * answer}` object a line. Blank lines are skipped; a bad line is reported with its number rather
 * than silently dropped, since a missing FAQ answer is something the business would want to know.
 */
import { KbItem } from './schema.ts';

export function parseKbJsonl(text: string): KbItem[] {
  const items: KbItem[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`knowledge base line ${i + 1}: not JSON`);
    }
    const parsed = KbItem.safeParse(value);
    if (!parsed.success) {
      throw new Error(`knowledge base line ${i + 1}: ${parsed.error.issues[0]?.message ?? 'invalid item'}`);
    }
    items.push(parsed.data);
  });
  return items;
}
