import { describe, expect, it } from 'vitest';
import { deadLetterLeadId, failureKindLabel, isSyncBusy, SYNC_COUNTS, shortLeadName } from './sync-status.ts';

const IDLE = { pending: 0, syncing: 0, synced: 12, failed: 0, dead: 3, erasing: 0 };

describe('the sync status panel', () => {
  it('shows every count the server sends', () => {
    expect(SYNC_COUNTS.map((c) => c.key).sort()).toEqual(Object.keys(IDLE).sort());
  });

  it('looks again soon only while work is moving', () => {
    expect(isSyncBusy(IDLE)).toBe(false);
    expect(isSyncBusy({ ...IDLE, pending: 1 })).toBe(true);
    expect(isSyncBusy({ ...IDLE, failed: 2 })).toBe(true);
    expect(isSyncBusy({ ...IDLE, erasing: 1 })).toBe(true);
  });

  it('says what kind of failure it was', () => {
    expect(failureKindLabel('temporary')).toBe('The CRM was unavailable');
    expect(failureKindLabel('auth_revoked')).toBe('The CRM refused ReplyForce’s access');
    expect(failureKindLabel(null)).toBe('Failed');
    expect(failureKindLabel('brand_new_kind')).toBe('brand new kind');
  });

  it('finds the lead of a dead letter', () => {
    expect(deadLetterLeadId({ tenantId: 't', leadId: 'b3c1d2e4-0000-4000-8000-000000000000' })).toBe(
      'b3c1d2e4-0000-4000-8000-000000000000',
    );
    expect(deadLetterLeadId({ tenantId: 't' })).toBeNull();
    expect(shortLeadName('b3c1d2e4-0000-4000-8000-000000000000')).toBe('Lead b3c1d2e4');
  });
});
