import type { PlatformId } from '@replyforce/contracts';
import { Badge } from '../../components/badge.tsx';
import { PlatformIcon } from '../../components/platform-icon.tsx';
import { cn } from '../../lib/cn.ts';
import { PLATFORM_INFO, PLATFORMS } from '../../lib/platforms.ts';
import type { SandboxAccount } from './sandbox-api.ts';

export function accountKey(account: Pick<SandboxAccount, 'platform' | 'accountId'>): string {
  return `${account.platform}:${account.accountId}`;
}

function handleOf(account: SandboxAccount): string | null {
  if (account.username) return `@${account.username.replace(/^@/, '')}`;
  return account.displayPhoneNumber ?? null;
}

/** The sandbox's accounts by platform, each marked with whether this workspace has it connected. */
export function AccountPicker({
  accounts,
  isConnected,
  value,
  onChange,
}: {
  accounts: SandboxAccount[];
  isConnected: (account: SandboxAccount) => boolean;
  value: string | null;
  onChange: (key: string) => void;
}) {
  const groups = PLATFORMS.map((platform) => ({
    platform,
    accounts: accounts.filter((account) => account.platform === platform),
  })).filter((group) => group.accounts.length > 0);

  return (
    <fieldset className="min-w-0">
      <legend className="mb-3 text-base font-semibold text-slate-900 dark:text-white">Sandbox account</legend>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {groups.map(({ platform, accounts: inGroup }) => (
          <PlatformGroup
            key={platform}
            platform={platform}
            accounts={inGroup}
            isConnected={isConnected}
            value={value}
            onChange={onChange}
          />
        ))}
      </div>
    </fieldset>
  );
}

function PlatformGroup({
  platform,
  accounts,
  isConnected,
  value,
  onChange,
}: {
  platform: PlatformId;
  accounts: SandboxAccount[];
  isConnected: (account: SandboxAccount) => boolean;
  value: string | null;
  onChange: (key: string) => void;
}) {
  return (
    <fieldset className="min-w-0">
      <legend className="mb-1 flex items-center gap-1.5 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">
        <PlatformIcon platform={platform} className="size-4" />
        {PLATFORM_INFO[platform].label}
      </legend>
      <div className="space-y-1.5">
        {accounts.map((account) => {
          const key = accountKey(account);
          const checked = key === value;
          const connected = isConnected(account);
          const handle = handleOf(account);
          return (
            <label
              key={key}
              className={cn(
                'flex cursor-pointer items-start gap-3 rounded-md border px-3 py-2 text-sm',
                'has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-1 has-[:focus-visible]:outline-indigo-600 dark:has-[:focus-visible]:outline-indigo-400',
                checked
                  ? 'border-indigo-500 bg-indigo-50 dark:border-indigo-400 dark:bg-indigo-950/60'
                  : 'border-slate-200 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800/60',
              )}
            >
              <input
                type="radio"
                name="sandbox-account"
                value={key}
                checked={checked}
                onChange={() => onChange(key)}
                className="mt-0.5 size-4 shrink-0 accent-indigo-600"
              />
              <span className="min-w-0 flex-1">
                <span className="block font-medium break-words text-slate-900 dark:text-white">
                  {account.name}
                </span>
                {handle && (
                  <span className="block text-xs break-all text-slate-600 dark:text-slate-400">{handle}</span>
                )}
                <span className="mt-1 block">
                  {connected ? <Badge tone="green">In this workspace</Badge> : <Badge>Not connected</Badge>}
                </span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
