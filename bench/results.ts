import { mkdirSync, writeFileSync } from 'node:fs';
import { arch, availableParallelism, platform } from 'node:os';

/** Writes bench/results/<name>.json: the figures of one benchmark and the machine they came from. */
export function writeResult(name: string, figures: object): void {
  const dir = new URL('./results/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const record = {
    name,
    at: new Date().toISOString(),
    machine: { node: process.version, platform: platform(), arch: arch(), cpus: availableParallelism() },
    figures,
  };
  writeFileSync(new URL(`${name}.json`, dir), `${JSON.stringify(record, null, 2)}\n`);
}
