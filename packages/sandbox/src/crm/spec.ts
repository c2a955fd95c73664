import type { CrmOwner, CrmVendor, FieldDef } from './types.ts';

/** A seeded CRM account, connectable through the vendor's consent page. */
export type SeedAccount = { id: string; name: string; host?: string; dc?: string };

/** What differs between the four stand-ins where the shared store is concerned. */
export type VendorSpec = {
  vendor: CrmVendor;
  displayName: string;
  /** The record field holding the owner and the lead status (what sync-back reads). */
  ownerField: string;
  statusField: string;
  fields(): FieldDef[];
  owners: CrmOwner[];
  seeded: SeedAccount[];
  recordId(n: number): string;
  noteId(n: number): string;
  /** Values every new record gets unless the caller sets them (Salesforce OwnerId, Zoho Owner, …). */
  defaults(owners: CrmOwner[]): Record<string, string>;
};
