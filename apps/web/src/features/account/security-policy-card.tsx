import { Alert } from '../../components/alert.tsx';
import { Card } from '../../components/card.tsx';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useSecuritySettings, useUpdateSecuritySettings } from './mfa-api.ts';

/** The workspace's MFA policy; rendered only for members who may manage the team (admins). */
export function SecurityPolicyCard() {
  const settings = useSecuritySettings(true);
  const update = useUpdateSecuritySettings();
  return (
    <Card title="Workspace security" description="Applies to everyone in this workspace.">
      {settings.isPending ? (
        <LoadingState label="Loading security settings…" />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => settings.refetch()} />
      ) : (
        <div className="space-y-3">
          {update.error && <Alert tone="error">{errorMessage(update.error)}</Alert>}
          <label className="flex items-start gap-3 text-sm text-slate-800 dark:text-slate-200">
            <input
              type="checkbox"
              className="mt-0.5 size-4 accent-indigo-600"
              checked={settings.data.mfaRequiredForAdmins}
              disabled={update.isPending}
              onChange={(e) => update.mutate({ mfaRequiredForAdmins: e.target.checked })}
            />
            <span>
              <span className="font-medium">Require two-factor sign-in for admins</span>
              <span className="block text-slate-600 dark:text-slate-400">
                Admins without it can only set it up until they do.
              </span>
            </span>
          </label>
        </div>
      )}
    </Card>
  );
}
