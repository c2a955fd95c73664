import { describe, expect, it } from 'vitest';
import { intentLabel, signalLabel } from './lead-labels.ts';
import { isSyncInFlight } from './leads-api.ts';

describe('lead wording', () => {
  it('names known signals and still shows new ones in plain words', () => {
    expect(signalLabel('pricing_inquiry')).toBe('Asked about pricing');
    expect(signalLabel('asked_for_invoice')).toBe('Asked for invoice');
    expect(intentLabel(null)).toBe('Not known yet');
    expect(intentLabel('purchase_intent')).toBe('Purchase intent');
  });

  it('knows when a CRM sync is still under way', () => {
    const state = (status: 'pending' | 'syncing' | 'synced' | 'failed' | 'dead') => ({
      connectionId: '00000000-0000-4000-8000-000000000000',
      vendor: 'hubspot',
      status,
      externalId: null,
      lastSyncedAt: null,
      error: null,
      owner: null,
      crmStatus: null,
      crmChangedAt: null,
    });
    expect(isSyncInFlight({ crm: [state('synced'), state('pending')] })).toBe(true);
    expect(isSyncInFlight({ crm: [state('synced'), state('dead')] })).toBe(false);
    expect(isSyncInFlight({ crm: undefined })).toBe(false);
  });
});
