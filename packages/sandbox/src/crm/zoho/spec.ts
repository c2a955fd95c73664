import type { VendorSpec } from '../spec.ts';
import type { FieldDef } from '../types.ts';

const USERS = [
  { id: '6157809000000272001', name: 'Priya Raman', email: 'priya@acme.example' },
  { id: '6157809000000272002', name: 'Marco Bianchi', email: 'marco@acme.example' },
];

const picklist = (values: string[]) => values.map((value) => ({ value, label: value }));

function fields(): FieldDef[] {
  return [
    { name: 'First_Name', label: 'First Name', type: 'string' },
    { name: 'Last_Name', label: 'Last Name', type: 'string', required: true },
    { name: 'Email', label: 'Email', type: 'email' },
    { name: 'Phone', label: 'Phone', type: 'phone' },
    { name: 'Mobile', label: 'Mobile', type: 'phone' },
    { name: 'Company', label: 'Company', type: 'string' },
    { name: 'Designation', label: 'Title', type: 'string' },
    { name: 'Website', label: 'Website', type: 'string' },
    { name: 'Description', label: 'Description', type: 'text' },
    {
      name: 'Lead_Source',
      label: 'Lead Source',
      type: 'enum',
      options: picklist([
        '-None-',
        'Advertisement',
        'Cold Call',
        'Employee Referral',
        'External Referral',
        'Online Store',
        'Partner',
        'Public Relations',
        'Sales Email Alias',
        'Seminar Partner',
        'Internal Seminar',
        'Trade Show',
        'Web Download',
        'Web Research',
        'Chat',
        'X (Twitter)',
        'Facebook',
      ]),
    },
    {
      name: 'Lead_Status',
      label: 'Lead Status',
      type: 'enum',
      options: picklist([
        '-None-',
        'Attempted to Contact',
        'Contact in Future',
        'Contacted',
        'Junk Lead',
        'Lost Lead',
        'Not Contacted',
        'Pre-Qualified',
        'Not Qualified',
      ]),
    },
    {
      name: 'Owner',
      label: 'Lead Owner',
      type: 'enum',
      options: USERS.map((u) => ({ value: u.id, label: u.name })),
    },
    { name: 'Created_Time', label: 'Created Time', type: 'datetime', readOnly: true },
    { name: 'Modified_Time', label: 'Modified Time', type: 'datetime', readOnly: true },
  ];
}

export const ZOHO_SPEC: VendorSpec = {
  vendor: 'zoho',
  displayName: 'Zoho CRM',
  ownerField: 'Owner',
  statusField: 'Lead_Status',
  fields,
  owners: USERS,
  // One org per data centre shown: signing in anywhere sends the browser back with the org's own accounts server.
  seeded: [
    { id: '60012345678', name: 'Acme Coffee', dc: 'us' },
    { id: '20098765432', name: 'Acme Coffee Roasters', dc: 'eu' },
  ],
  recordId: (n) => `6157809000${String(n).padStart(9, '0')}`,
  noteId: (n) => `6157809001${String(n).padStart(9, '0')}`,
  defaults: (owners) => ({ Owner: owners[0]?.id ?? '' }),
};
