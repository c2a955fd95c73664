import type { VendorSpec } from '../spec.ts';
import type { FieldDef } from '../types.ts';

const USERS = [
  { id: '13540001', name: 'Alex Morgan', email: 'alex@acme.example' },
  { id: '13540002', name: 'Jo Lindqvist', email: 'jo@acme.example' },
];

/** The person labels a new Pipedrive company starts with. */
export const PERSON_LABELS = [
  { value: '1', label: 'Customer' },
  { value: '2', label: 'Hot lead' },
  { value: '3', label: 'Warm lead' },
  { value: '4', label: 'Cold lead' },
];

function fields(): FieldDef[] {
  return [
    { name: 'name', label: 'Name', type: 'string', required: true },
    { name: 'first_name', label: 'First name', type: 'string' },
    { name: 'last_name', label: 'Last name', type: 'string' },
    { name: 'emails', label: 'Email', type: 'string' },
    { name: 'phones', label: 'Phone', type: 'phone' },
    { name: 'job_title', label: 'Job title', type: 'string' },
    {
      name: 'owner_id',
      label: 'Owner',
      type: 'enum',
      options: USERS.map((u) => ({ value: u.id, label: u.name })),
    },
    { name: 'label_ids', label: 'Labels', type: 'enum', multi: true, options: PERSON_LABELS },
    {
      name: 'marketing_status',
      label: 'Marketing status',
      type: 'enum',
      options: ['no_consent', 'unsubscribed', 'subscribed', 'archived'].map((v) => ({ value: v, label: v })),
    },
    { name: 'add_time', label: 'Person created', type: 'datetime', readOnly: true },
    { name: 'update_time', label: 'Update time', type: 'datetime', readOnly: true },
  ];
}

export const PIPEDRIVE_SPEC: VendorSpec = {
  vendor: 'pipedrive',
  displayName: 'Pipedrive',
  ownerField: 'owner_id',
  statusField: 'label_ids',
  fields,
  owners: USERS,
  seeded: [
    { id: '7654321', name: 'Acme Coffee', host: 'acme.pipedrive.com' },
    { id: '7654322', name: 'Acme Coffee Roasters', host: 'acme-roasters.pipedrive.com' },
  ],
  recordId: (n) => String(n),
  noteId: (n) => String(n),
  defaults: (owners) => ({ owner_id: owners[0]?.id ?? '' }),
};
