import type { ChannelDto, PlatformId } from '@replyforce/contracts';
import { useId, useState } from 'react';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { PlatformIcon } from '../../components/platform-icon.tsx';
import { errorMessage } from '../../lib/api.ts';
import { formatDateTime, formatRelative } from '../../lib/format.ts';
import { PLATFORM_INFO } from '../../lib/platforms.ts';
import { useNow } from '../../lib/use-now.ts';
import { ChannelStatusBadge } from './channel-status-badge.tsx';
import { useCheckChannelStatus, useDisconnectChannel } from './channels-api.ts';
import { TemplatesList } from './templates-list.tsx';

function When({ iso, now }: { iso: string | null; now: number }) {
  if (!iso) return <span className="text-slate-500 dark:text-slate-400">Never</span>;
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {formatRelative(iso, now)}
    </time>
  );
}

/** Check status (live, for anyone who sees the channel) and Disconnect (admins), with the check's answer. */
function ChannelActions({ channel, manage }: { channel: ChannelDto; manage: boolean }) {
  const check = useCheckChannelStatus();
  const result = check.data?.channel.id === channel.id ? check.data : undefined;
  const platform = PLATFORM_INFO[channel.platform].label;
  return (
    <div className="mt-4 space-y-3 border-t border-slate-200 pt-4 dark:border-slate-800">
      <div className="flex flex-wrap items-center gap-2">
        <Button
          variant="secondary"
          size="sm"
          loading={check.isPending}
          aria-label={`Check the status of ${channel.name}`}
          onClick={() => check.mutate(channel.id)}
        >
          Check status
        </Button>
        {manage && <DisconnectControl channel={channel} />}
      </div>
      {check.error ? (
        <Alert tone="error" title="Could not check the channel">
          {errorMessage(check.error)}
        </Alert>
      ) : result?.tokenValid ? (
        <Alert tone="success">{platform} accepted the access token just now.</Alert>
      ) : result ? (
        <Alert tone="warning" title={`${platform} refused the access token`}>
          {result.checkError ?? 'The token no longer works.'} Reconnect the channel to restore it.
        </Alert>
      ) : null}
    </div>
  );
}

function DisconnectControl({ channel }: { channel: ChannelDto }) {
  const [confirming, setConfirming] = useState(false);
  const disconnect = useDisconnectChannel();
  const close = () => {
    setConfirming(false);
    disconnect.reset();
  };
  return (
    <>
      <Button
        variant="danger-ghost"
        size="sm"
        aria-label={`Disconnect ${channel.name}`}
        onClick={() => setConfirming(true)}
      >
        Disconnect
      </Button>
      <ConfirmDialog
        open={confirming}
        title={`Disconnect ${channel.name}?`}
        confirmLabel="Disconnect"
        pending={disconnect.isPending}
        error={disconnect.error ? errorMessage(disconnect.error) : null}
        onCancel={close}
        onConfirm={() => disconnect.mutate(channel.id, { onSuccess: () => setConfirming(false) })}
      >
        <p>
          New messages and comments on this {PLATFORM_INFO[channel.platform].product} will stop arriving in
          the inbox, and replies to its conversations can no longer be sent. Past conversations stay. You can
          connect it again later.
        </p>
      </ConfirmDialog>
    </>
  );
}

export function ChannelCard({
  channel,
  manage,
  onReconnect,
  reconnecting,
}: {
  channel: ChannelDto;
  manage: boolean;
  onReconnect: (platform: PlatformId) => void;
  reconnecting: boolean;
}) {
  const now = useNow(60_000);
  const headingId = useId();
  const info = PLATFORM_INFO[channel.platform];
  const reconnect = manage ? (
    <Button size="sm" className="mt-2" loading={reconnecting} onClick={() => onReconnect(channel.platform)}>
      Reconnect
    </Button>
  ) : (
    <p className="mt-1">Ask a workspace admin to reconnect it.</p>
  );

  return (
    <article
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 items-center gap-3">
          <PlatformIcon platform={channel.platform} className="size-8" />
          <div className="min-w-0">
            <h3 id={headingId} className="font-semibold break-words text-slate-900 dark:text-white">
              {channel.name}
            </h3>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {info.product}
              {channel.username && <> · @{channel.username.replace(/^@/, '')}</>}
            </p>
          </div>
        </div>
        <ChannelStatusBadge status={channel.status} />
      </div>

      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
        <dt className="text-slate-600 dark:text-slate-400">Account id</dt>
        <dd className="font-mono text-xs leading-5 break-all text-slate-800 dark:text-slate-200">
          {channel.accountId}
        </dd>
        <dt className="text-slate-600 dark:text-slate-400">Last event</dt>
        <dd className="text-slate-800 dark:text-slate-200">
          <When iso={channel.lastEventAt} now={now} />
        </dd>
        {channel.tokenExpiresAt && (
          <>
            <dt className="text-slate-600 dark:text-slate-400">Token expires</dt>
            <dd className="text-slate-800 dark:text-slate-200">
              <When iso={channel.tokenExpiresAt} now={now} />
            </dd>
          </>
        )}
        <dt className="text-slate-600 dark:text-slate-400">Connected</dt>
        <dd className="text-slate-800 dark:text-slate-200">
          <time dateTime={channel.createdAt}>{formatDateTime(channel.createdAt)}</time>
        </dd>
      </dl>

      {channel.status === 'needs_reauth' && (
        <Alert tone="warning" title="Reconnect this channel" className="mt-4">
          {info.label} stopped accepting ReplyForce’s access, so messages cannot be sent or received.
          {reconnect}
        </Alert>
      )}
      {channel.status === 'disconnected' && (
        <Alert tone="info" title="Disconnected" className="mt-4">
          Nothing arrives from this account any more.
          {reconnect}
        </Alert>
      )}
      {channel.lastError && (
        <div className="mt-4 rounded-md bg-slate-50 px-3 py-2 text-sm dark:bg-slate-800/60">
          <p className="font-medium text-slate-800 dark:text-slate-200">
            Last error
            {channel.lastErrorAt && (
              <span className="font-normal text-slate-600 dark:text-slate-400">
                {' '}
                · <When iso={channel.lastErrorAt} now={now} />
              </span>
            )}
          </p>
          <p className="mt-0.5 break-words text-slate-700 dark:text-slate-300">{channel.lastError}</p>
        </div>
      )}

      {channel.platform === 'whatsapp' && (
        <details className="group mt-4 rounded-md border border-slate-200 dark:border-slate-800">
          <summary className="cursor-pointer rounded-md px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-slate-200 dark:hover:bg-slate-800">
            Message templates
          </summary>
          <div className="border-t border-slate-200 px-3 pb-2 dark:border-slate-800">
            <TemplatesList channelId={channel.id} />
          </div>
        </details>
      )}

      <ChannelActions channel={channel} manage={manage} />
    </article>
  );
}
