/**
 * The shared training data (`../shared/data`, beside the repository) and
 * the one development split every training script keeps out: a row is development data when a hash
 * of its text says so, so the split is the same in every script, run and machine.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hash } from '../text/features.ts';

export function dataDir(): string {
  const dir = fileURLToPath(new URL('../../../../../shared/data/', import.meta.url));
  if (!existsSync(dir))
    throw new Error(`training data not found at ${dir} (../shared beside the repository)`);
  return dir;
}

export function readJsonl<T = Record<string, unknown>>(file: string): T[] {
  return readFileSync(file.startsWith('/') ? file : `${dataDir()}/${file}`, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

/** One row in five, chosen by its text: never seen by training, used for every dev figure. */
export function isDevelopment(text: string): boolean {
  return hash(text.trim().toLowerCase()) % 5 === 0;
}

export function splitRows<T extends { text: string }>(rows: T[]): { train: T[]; dev: T[] } {
  const train: T[] = [];
  const dev: T[] = [];
  for (const r of rows) (isDevelopment(r.text) ? dev : train).push(r);
  return { train, dev };
}
