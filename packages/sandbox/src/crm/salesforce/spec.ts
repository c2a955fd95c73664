import type { VendorSpec } from '../spec.ts';
import type { FieldDef } from '../types.ts';

const USERS = [
  { id: '0055g00000AbCdEAAX', name: 'Integration User', email: 'integration@acme.example' },
  { id: '0055g00000AbCdFAAX', name: 'Riley Chen', email: 'riley@acme.example' },
];

const picklist = (values: string[]) => values.map((value) => ({ value, label: value }));

export const LEAD_STATUSES = [
  'Open - Not Contacted',
  'Working - Contacted',
  'Closed - Converted',
  'Closed - Not Converted',
];

function fields(): FieldDef[] {
  return [
    { name: 'Id', label: 'Lead ID', type: 'string', readOnly: true },
    { name: 'FirstName', label: 'First Name', type: 'string' },
    { name: 'LastName', label: 'Last Name', type: 'string', required: true },
    { name: 'Company', label: 'Company', type: 'string', required: true },
    { name: 'Email', label: 'Email', type: 'email' },
    { name: 'Phone', label: 'Phone', type: 'phone' },
    { name: 'MobilePhone', label: 'Mobile Phone', type: 'phone' },
    { name: 'Title', label: 'Title', type: 'string' },
    { name: 'Website', label: 'Website', type: 'string' },
    { name: 'Description', label: 'Description', type: 'text' },
    { name: 'Street', label: 'Street', type: 'text' },
    { name: 'City', label: 'City', type: 'string' },
    { name: 'PostalCode', label: 'Zip/Postal Code', type: 'string' },
    { name: 'Country', label: 'Country', type: 'string' },
    { name: 'Status', label: 'Lead Status', type: 'enum', options: picklist(LEAD_STATUSES) },
    {
      name: 'LeadSource',
      label: 'Lead Source',
      type: 'enum',
      // The org's own additions next to the standard values, as a business using social channels has.
      options: picklist([
        'Web',
        'Phone Inquiry',
        'Partner Referral',
        'Purchased List',
        'Other',
        'Facebook',
        'Instagram',
        'WhatsApp',
        'X',
      ]),
    },
    {
      name: 'OwnerId',
      label: 'Owner ID',
      type: 'enum',
      options: USERS.map((u) => ({ value: u.id, label: u.name })),
    },
    { name: 'CreatedDate', label: 'Created Date', type: 'datetime', readOnly: true },
    { name: 'LastModifiedDate', label: 'Last Modified Date', type: 'datetime', readOnly: true },
  ];
}

/** An 18-character Salesforce id: key prefix, pod, a counter in base 36, checksum-like suffix. */
const sfId = (prefix: string, n: number) =>
  `${prefix}5g00000${n.toString(36).toUpperCase().padStart(5, '0')}AAA`;

export const SALESFORCE_SPEC: VendorSpec = {
  vendor: 'salesforce',
  displayName: 'Salesforce',
  ownerField: 'OwnerId',
  statusField: 'Status',
  fields,
  owners: USERS,
  seeded: [
    { id: '00D5g00000ACME1EAA', name: 'Acme Coffee', host: 'acme.my.salesforce.com' },
    { id: '00D5g00000ROAST1EA', name: 'Acme Coffee Roasters', host: 'acme-roasters.my.salesforce.com' },
  ],
  recordId: (n) => sfId('00Q', n),
  noteId: (n) => sfId('00T', n),
  defaults: (owners) => ({ Status: 'Open - Not Contacted', OwnerId: owners[0]?.id ?? '' }),
};

export const customFieldId = (n: number) => sfId('00N', n);
