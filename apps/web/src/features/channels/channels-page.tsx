import type { ChannelDto, PlatformId } from '@replyforce/contracts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PlatformIcon } from '../../components/platform-icon.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { errorMessage } from '../../lib/api.ts';
import { PLATFORM_INFO, PLATFORMS } from '../../lib/platforms.ts';
import { useCan, useSession } from '../auth/use-session.ts';
import { ChannelCard } from './channel-card.tsx';
import { useChannels } from './channels-api.ts';
import { useConnectRedirect } from './use-connect-redirect.ts';

function ConnectCard({
  platform,
  connected,
  busy,
  onConnect,
}: {
  platform: PlatformId;
  connected: number;
  busy: boolean;
  onConnect: () => void;
}) {
  const info = PLATFORM_INFO[platform];
  return (
    <li className="flex flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <div className="flex items-center gap-2.5">
        <PlatformIcon platform={platform} className="size-7" />
        <h3 className="font-semibold text-slate-900 dark:text-white">{info.product}</h3>
      </div>
      <p className="mt-2 flex-1 text-sm text-slate-600 dark:text-slate-400">{info.brings}</p>
      {connected > 0 && (
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
          {connected} connected. Connecting again adds the accounts you pick and refreshes the others.
        </p>
      )}
      <Button
        variant={connected > 0 ? 'secondary' : 'primary'}
        className="mt-3 self-start"
        loading={busy}
        aria-label={`Connect ${info.product}`}
        onClick={onConnect}
      >
        Connect
      </Button>
    </li>
  );
}

export function ChannelsPage() {
  const { tenant } = useSession();
  const manage = useCan('manage:channels');
  const channels = useChannels();
  const connect = useConnectRedirect();
  const list: ChannelDto[] = channels.data ?? [];
  const connectedCount = (platform: PlatformId) =>
    list.filter((channel) => channel.platform === platform && channel.status !== 'disconnected').length;

  return (
    <>
      <PageHeader
        title="Channels"
        description={
          manage
            ? `The social accounts connected to ${tenant.name}. Their messages and comments arrive in the inbox.`
            : `The social accounts connected to ${tenant.name}. Only admins can connect or disconnect them.`
        }
      />
      <div className="space-y-8">
        <section aria-labelledby="connected-heading" className="space-y-3">
          <h2 id="connected-heading" className="text-base font-semibold text-slate-900 dark:text-white">
            Connected channels{channels.data ? ` (${channels.data.length})` : ''}
          </h2>
          {connect.error && (
            <Alert tone="error" title="Could not start the connection">
              {errorMessage(connect.error)}
            </Alert>
          )}
          {channels.isPending ? (
            <LoadingState label="Loading channels…" />
          ) : !channels.data ? (
            <ErrorState
              error={channels.error}
              title="Could not load the channels"
              onRetry={() => void channels.refetch()}
            />
          ) : list.length === 0 ? (
            <EmptyState title="No channels connected yet">
              {manage ? (
                'Connect an account below: its messages and comments will start arriving in the inbox.'
              ) : (
                <>
                  Ask a workspace admin to connect one. Meanwhile, the{' '}
                  <TextLink to="/simulator">customer simulator</TextLink> shows how it works.
                </>
              )}
            </EmptyState>
          ) : (
            <div className="grid gap-4 md:grid-cols-2">
              {list.map((channel) => (
                <ChannelCard
                  key={channel.id}
                  channel={channel}
                  manage={manage}
                  onReconnect={connect.start}
                  reconnecting={connect.busyWith === channel.platform}
                />
              ))}
            </div>
          )}
        </section>

        {manage && (
          <section aria-labelledby="connect-heading" className="space-y-3">
            <div>
              <h2 id="connect-heading" className="text-base font-semibold text-slate-900 dark:text-white">
                Connect a channel
              </h2>
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
                You sign in on the platform, choose the accounts to connect and come back here.
              </p>
            </div>
            <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
              {PLATFORMS.map((platform) => (
                <ConnectCard
                  key={platform}
                  platform={platform}
                  connected={connectedCount(platform)}
                  busy={connect.busyWith === platform}
                  onConnect={() => connect.start(platform)}
                />
              ))}
            </ul>
          </section>
        )}
      </div>
    </>
  );
}
