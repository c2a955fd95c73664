import type { VendorSpec } from '../spec.ts';
import type { FieldDef } from '../types.ts';

/** hs_lead_status as a new portal has it (platform-contracts.md §7.3): internal value and label. */
const LEAD_STATUS = [
  ['NEW', 'New'],
  ['OPEN', 'Open'],
  ['IN_PROGRESS', 'In Progress'],
  ['OPEN_DEAL', 'Open Deal'],
  ['UNQUALIFIED', 'Unqualified'],
  ['ATTEMPTED_TO_CONTACT', 'Attempted to Contact'],
  ['CONNECTED', 'Connected'],
  ['BAD_TIMING', 'Bad Timing'],
];

const LIFECYCLE = [
  ['subscriber', 'Subscriber'],
  ['lead', 'Lead'],
  ['marketingqualifiedlead', 'Marketing Qualified Lead'],
  ['salesqualifiedlead', 'Sales Qualified Lead'],
  ['opportunity', 'Opportunity'],
  ['customer', 'Customer'],
  ['evangelist', 'Evangelist'],
  ['other', 'Other'],
];

const OWNERS = [
  { id: '71000001', name: 'Dana Whitfield', email: 'dana@acme.example' },
  { id: '71000002', name: 'Sam Okafor', email: 'sam@acme.example' },
];

const options = (pairs: string[][]) => pairs.map(([value = '', label = '']) => ({ value, label }));

function fields(): FieldDef[] {
  return [
    { name: 'email', label: 'Email', type: 'email', unique: true },
    { name: 'firstname', label: 'First Name', type: 'string' },
    { name: 'lastname', label: 'Last Name', type: 'string' },
    { name: 'phone', label: 'Phone Number', type: 'phone' },
    { name: 'mobilephone', label: 'Mobile Phone Number', type: 'phone' },
    { name: 'company', label: 'Company Name', type: 'string' },
    { name: 'website', label: 'Website URL', type: 'string' },
    { name: 'jobtitle', label: 'Job Title', type: 'string' },
    { name: 'city', label: 'City', type: 'string' },
    { name: 'country', label: 'Country/Region', type: 'string' },
    { name: 'message', label: 'Message', type: 'text' },
    { name: 'hs_lead_status', label: 'Lead Status', type: 'enum', options: options(LEAD_STATUS) },
    { name: 'lifecyclestage', label: 'Lifecycle Stage', type: 'enum', options: options(LIFECYCLE) },
    {
      name: 'hubspot_owner_id',
      label: 'Contact owner',
      type: 'enum',
      options: OWNERS.map((o) => ({ value: o.id, label: o.name })),
    },
    { name: 'hs_object_id', label: 'Record ID', type: 'number', readOnly: true },
    { name: 'createdate', label: 'Create Date', type: 'datetime', readOnly: true },
    { name: 'lastmodifieddate', label: 'Last Modified Date', type: 'datetime', readOnly: true },
  ];
}

export const HUBSPOT_SPEC: VendorSpec = {
  vendor: 'hubspot',
  displayName: 'HubSpot',
  ownerField: 'hubspot_owner_id',
  statusField: 'hs_lead_status',
  fields,
  owners: OWNERS,
  seeded: [
    { id: '24681357', name: 'Acme Coffee' },
    { id: '24681358', name: 'Acme Coffee Roasters' },
  ],
  recordId: (n) => String(1_000_000 + n),
  noteId: (n) => String(90_000_000 + n),
  defaults: () => ({}),
};

/** The app id the sandbox's HubSpot app has (webhook events carry it). */
export const HUBSPOT_APP_ID = 3141592;
