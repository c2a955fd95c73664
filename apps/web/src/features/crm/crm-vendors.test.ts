import { ZOHO_REGIONS as CONNECTOR_REGIONS } from '@replyforce/connectors/crm/zoho/dc.ts';
import { CRM_VENDOR_IDS } from '@replyforce/contracts';
import { describe, expect, it } from 'vitest';
import { CRM_VENDORS, crmVendorLabel, isCrmVendor, ZOHO_REGIONS } from './crm-vendors.ts';

describe('the CRM vendors', () => {
  it('are the ones the server connects', () => {
    expect([...CRM_VENDORS].sort()).toEqual([...CRM_VENDOR_IDS].sort());
    expect(isCrmVendor('hubspot')).toBe(true);
    expect(isCrmVendor('freshsales')).toBe(false);
    expect(crmVendorLabel('zoho')).toBe('Zoho CRM');
    expect(crmVendorLabel('freshsales')).toBe('freshsales');
  });

  it('offer exactly the Zoho data centres the connector knows', () => {
    expect(ZOHO_REGIONS.map((r) => r.value).sort()).toEqual(Object.keys(CONNECTOR_REGIONS).sort());
  });
});
