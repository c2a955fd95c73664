/** The CRM stand-ins: HubSpot, Salesforce, Zoho CRM and Pipedrive, each under /crm/<vendor>. */
export type CrmVendor = 'hubspot' | 'salesforce' | 'zoho' | 'pipedrive';
export const CRM_VENDORS = ['hubspot', 'salesforce', 'zoho', 'pipedrive'] as const;

export type FieldType =
  | 'string'
  | 'text'
  | 'email'
  | 'phone'
  | 'enum'
  | 'number'
  | 'date'
  | 'datetime'
  | 'bool';

/** One field of a vendor's contact/lead object, in the vendor's own naming. */
export type FieldDef = {
  name: string;
  label: string;
  type: FieldType;
  /** Allowed values of an enum (the internal value) and what people see. */
  options?: { value: string; label: string }[];
  /** Several options at once, comma-separated (Pipedrive labels). */
  multi?: boolean;
  /** A second record with the same value is refused; upserts match on it. */
  unique?: boolean;
  /** Needed to create a record (Salesforce LastName/Company, Zoho Last_Name, Pipedrive name). */
  required?: boolean;
  custom?: boolean;
  readOnly?: boolean;
};

/**
 * A contact (HubSpot), Lead (Salesforce, Zoho) or person (Pipedrive). Values are kept as strings
 * under the vendor's field names; each vendor renders its own answer shape from them.
 */
export type CrmRecord = {
  id: string;
  values: Record<string, string>;
  createdAt: number;
  updatedAt: number;
};

export type CrmNote = {
  id: string;
  recordId: string;
  title: string;
  body: string;
  /** When the activity happened (hs_timestamp, ActivityDate, …). */
  at: number;
  createdAt: number;
};

export type CrmOwner = { id: string; name: string; email: string };

export type CrmAccount = {
  vendor: CrmVendor;
  /** hub_id, Salesforce org id, Zoho org id, Pipedrive company id. */
  id: string;
  name: string;
  /** Salesforce instance host, Pipedrive company domain. */
  host?: string;
  /** Zoho data centre of the org. */
  dc?: string;
  owners: CrmOwner[];
  fields: Map<string, FieldDef>;
  records: Map<string, CrmRecord>;
  /** field name → normalised value → record id, for every unique field. */
  unique: Map<string, Map<string, string>>;
  notes: CrmNote[];
  nextId: number;
};
