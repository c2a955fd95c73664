import { ConnectorError } from '../../errors.ts';
import type { CrmRecordInput, CrmUpsertResult, CrmVendor } from '../types.ts';

/**
 * Core splits work into calls of at most `maxBatchSize`; a bigger one is a bug upstream, refused
 * before anything is sent rather than split here, so one connector call stays one vendor call.
 */
export function assertBatch(vendor: CrmVendor, size: number, max: number, what = 'records'): void {
  if (size > max)
    throw new ConnectorError('permanent', `${vendor} takes at most ${max} ${what} per call; got ${size}`, {
      platformCode: 'batch_too_large',
    });
}

/**
 * The same contact twice in one batch (two events for one lead) is sent once, later fields
 * winning: vendors refuse a batch that names one key twice. Every input still gets its result.
 */
export function mergeByKey(records: CrmRecordInput[]): {
  unique: CrmRecordInput[];
  fanOut(results: CrmUpsertResult[]): CrmUpsertResult[];
} {
  const byKey = new Map<string, CrmRecordInput>();
  for (const r of records) {
    const prev = byKey.get(r.externalKey);
    byKey.set(
      r.externalKey,
      prev
        ? {
            externalKey: r.externalKey,
            ...((r.email ?? prev.email) ? { email: r.email ?? prev.email } : {}),
            fields: { ...prev.fields, ...r.fields },
          }
        : r,
    );
  }
  return {
    unique: [...byKey.values()],
    fanOut(results) {
      const byResult = new Map(results.map((res) => [res.externalKey, res]));
      return records.map(
        (r) =>
          byResult.get(r.externalKey) ?? {
            externalKey: r.externalKey,
            ok: false,
            kind: 'temporary',
            message: 'the CRM returned no result for this record',
          },
      );
    },
  };
}
