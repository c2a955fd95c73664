import { readFileSync } from 'node:fs';

/** A webhook body from test/fixtures, parsed fresh for each test (parsers must not depend on identity). */
export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8'));
}

/** Rejection of a promise, for asserting on ConnectorError fields. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the promise to reject');
}
