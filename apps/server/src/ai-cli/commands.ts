import { readFileSync, writeFileSync } from 'node:fs';
import { analyzeText } from '@replyforce/ai/analyze/analyze-text.ts';
import { loadIntentEngine, trainIntentEngine } from '@replyforce/ai/intent-engine/index.ts';
import { buildKbIndex, searchKb } from '@replyforce/ai/knowledge/kb-index.ts';
import { flag, mapJsonLines } from './json-lines.ts';

export const AI_USAGE = `  analyze  stdin JSON Lines {"text"} → one analysis per line (language, sentiment, intent, …)
  intents train --data f.jsonl --out model.json      train the intent engine on {text, intent} lines
  intents classify --model model.json                stdin {"text"} → {"intent", "confidence"} (oos when unsure)
  kb search --kb kb.jsonl [--k 10]                   stdin {"query"} → {"ids": [...]} best first`;

/** Reads a JSON Lines file whole; a bad line is an error naming its line number. */
function readLines<T>(
  file: string,
  check: (v: Record<string, unknown>) => v is T & Record<string, unknown>,
): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l, i) => [l, i + 1] as const)
    .filter(([l]) => l.trim() !== '')
    .map(([l, n]) => {
      let v: unknown;
      try {
        v = JSON.parse(l);
      } catch {
        throw new Error(`${file}:${n}: not valid JSON`);
      }
      if (typeof v !== 'object' || v === null || !check(v as Record<string, unknown>))
        throw new Error(`${file}:${n}: unexpected shape`);
      return v as T;
    });
}

const isString = (v: unknown): v is string => typeof v === 'string';

export async function aiCommand(command: string, args: string[]): Promise<void> {
  if (command === 'analyze') {
    const { lines, errors } = await mapJsonLines('text', (text) => analyzeText(text));
    if (errors) console.error(`${errors} of ${lines} lines could not be analysed`);
    return;
  }
  const sub = args[0];
  if (command === 'intents' && sub === 'train') {
    const data = need(args, 'data');
    const out = need(args, 'out');
    const examples = readLines<{ text: string; intent: string }>(
      data,
      (v): v is { text: string; intent: string } & Record<string, unknown> =>
        isString(v.text) && isString(v.intent),
    );
    const started = performance.now();
    const model = trainIntentEngine(examples);
    writeFileSync(out, JSON.stringify(model));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.error(`trained on ${examples.length} examples in ${seconds} s → ${out}`);
    return;
  }
  if (command === 'intents' && sub === 'classify') {
    const engine = loadIntentEngine(JSON.parse(readFileSync(need(args, 'model'), 'utf8')));
    await mapJsonLines('text', (text) => {
      const r = engine.classify(text);
      return { intent: r.intent, confidence: Math.round(r.confidence * 1000) / 1000 };
    });
    return;
  }
  if (command === 'kb' && sub === 'search') {
    const items = readLines<{ id: string; question?: string; answer: string }>(
      need(args, 'kb'),
      (v): v is { id: string; answer: string } & Record<string, unknown> =>
        (isString(v.id) || typeof v.id === 'number') &&
        isString(v.answer) &&
        (v.question === undefined || isString(v.question)),
    ).map((i) => ({ ...i, id: String(i.id) }));
    const k = Number(flag(args, 'k') ?? 10);
    if (!Number.isInteger(k) || k < 1) throw new Error('--k expects a positive integer');
    const index = buildKbIndex(items);
    await mapJsonLines('query', (query) => ({ ids: searchKb(index, query, k).map((h) => h.id) }));
    return;
  }
  throw new Error(`usage:\n${AI_USAGE}`);
}

function need(args: string[], name: string): string {
  const v = flag(args, name);
  if (!v) throw new Error(`--${name} is required\n${AI_USAGE}`);
  return v;
}
