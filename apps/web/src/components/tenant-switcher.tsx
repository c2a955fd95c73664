import { useId } from 'react';
import { useSession } from '../features/auth/use-session.ts';
import { useSwitchTenant } from '../features/auth/use-session-actions.ts';
import { errorMessage } from '../lib/api-error.ts';
import { InlineSelect } from './field.tsx';
import { Spinner } from './spinner.tsx';

/** Shows the current workspace; with more than one membership it is also the switcher. */
export function TenantSwitcher() {
  const session = useSession();
  const switchTenant = useSwitchTenant();
  const id = useId();

  if (session.memberships.length < 2) {
    return (
      <p
        className="min-w-0 truncate text-sm font-medium text-slate-800 dark:text-slate-100"
        title="Workspace"
      >
        <span className="sr-only">Workspace: </span>
        {session.tenant.name}
      </p>
    );
  }

  return (
    <div className="flex min-w-0 items-center gap-2">
      <label htmlFor={id} className="sr-only">
        Workspace
      </label>
      <InlineSelect
        id={id}
        value={session.tenant.id}
        disabled={switchTenant.isPending}
        aria-busy={switchTenant.isPending || undefined}
        aria-describedby={switchTenant.error ? `${id}-error` : undefined}
        onChange={(event) => switchTenant.mutate(event.target.value)}
        className="max-w-[11rem] truncate font-medium sm:max-w-xs"
      >
        {session.memberships.map((membership) => (
          <option key={membership.tenant.id} value={membership.tenant.id}>
            {membership.tenant.name}
          </option>
        ))}
      </InlineSelect>
      {switchTenant.isPending && <Spinner />}
      {switchTenant.error && (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-700 dark:text-red-400">
          {errorMessage(switchTenant.error)}
        </p>
      )}
    </div>
  );
}
