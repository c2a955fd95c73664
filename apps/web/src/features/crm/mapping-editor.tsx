import { type ReactNode, useId } from 'react';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { type CrmConnection, useCrmFields, useCrmMapping } from './crm-api.ts';
import { CRM_VENDOR_INFO } from './crm-vendors.ts';
import { MappingForm } from './mapping-form.tsx';

/** The field-mapping editor of one connection (admins only: the API answers nobody else). */
export function MappingEditor({ connection }: { connection: CrmConnection }) {
  const mapping = useCrmMapping(connection.id);
  const fields = useCrmFields(connection.id);
  const vendor = CRM_VENDOR_INFO[connection.vendor];
  const headingId = useId();

  let body: ReactNode;
  if (mapping.isPending || fields.isPending) {
    body = <LoadingState label={`Loading the mapping and the ${vendor.label} fields…`} />;
  } else if (!mapping.data) {
    body = (
      <ErrorState
        error={mapping.error}
        title="Could not load the mapping"
        onRetry={() => void mapping.refetch()}
      />
    );
  } else if (!fields.data) {
    body = (
      <ErrorState
        error={fields.error}
        title={`Could not read the ${vendor.label} fields`}
        onRetry={() => void fields.refetch()}
      />
    );
  } else {
    body = (
      <MappingForm
        connection={connection}
        saved={mapping.data}
        fields={fields.data.items}
        fetchedAt={fields.data.fetchedAt}
      />
    );
  }

  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id={headingId} className="mb-2 text-base font-semibold text-slate-900 dark:text-white">
        Field mapping: {vendor.label}
      </h2>
      {body}
    </section>
  );
}
