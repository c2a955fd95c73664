import type { ChannelDto } from '@replyforce/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PlatformIcon } from '../../components/platform-icon.tsx';
import { LoadingState } from '../../components/states.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { errorMessage } from '../../lib/api.ts';
import { isPlatform, PLATFORM_INFO } from '../../lib/platforms.ts';
import { channelKeys } from '../../lib/query-keys.ts';
import { useTenantKey } from '../auth/use-session.ts';
import { completeConnect } from './channels-api.ts';
import { useConnectRedirect } from './use-connect-redirect.ts';

interface PlatformAnswer {
  state: string | null;
  code: string | null;
  error: string | null;
  errorDescription: string | null;
}

/** Reads the platform's answer once, then takes the single-use code out of the address bar. */
function usePlatformAnswer(): PlatformAnswer {
  const [answer] = useState<PlatformAnswer>(() => {
    const params = new URLSearchParams(window.location.search);
    return {
      state: params.get('state'),
      code: params.get('code'),
      error: params.get('error'),
      errorDescription: params.get('error_description'),
    };
  });
  useEffect(() => {
    if (window.location.search) {
      // Keep the router's own history state; only the query string goes.
      window.history.replaceState(window.history.state, '', window.location.pathname);
    }
  }, []);
  return answer;
}

function BackLinks() {
  return (
    <p className="mt-4 flex flex-wrap gap-x-4 gap-y-2 text-sm">
      <TextLink to="/channels">Back to Channels</TextLink>
    </p>
  );
}

function ConnectedList({ channels }: { channels: ChannelDto[] }) {
  return (
    <ul className="mt-3 space-y-2" aria-label="Connected accounts">
      {channels.map((channel) => (
        <li key={channel.id} className="flex items-center gap-2 text-sm">
          <PlatformIcon platform={channel.platform} />
          <span className="font-medium text-slate-900 dark:text-white">{channel.name}</span>
          <span className="text-slate-600 dark:text-slate-400">
            {PLATFORM_INFO[channel.platform].label}
            {channel.username && ` · @${channel.username.replace(/^@/, '')}`}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function ConnectCallbackPage() {
  const { platform: platformParam } = useParams();
  const answer = usePlatformAnswer();
  const tenantKey = useTenantKey();
  const queryClient = useQueryClient();
  const connect = useConnectRedirect();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const platform = isPlatform(platformParam) ? platformParam : null;
  const label = platform ? PLATFORM_INFO[platform].label : 'The platform';
  const { state, code, error } = answer;

  const completion = useQuery({
    // Outside the 'channels' prefix: a channel event must not refetch (re-send) this.
    queryKey: [...tenantKey, 'channel-connect', state],
    queryFn: () =>
      completeConnect({
        state: state ?? '',
        ...(code ? { code } : {}),
        ...(error ? { error } : {}),
      }),
    enabled: Boolean(platform && state && (code || error)),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

  const settled = completion.isSuccess || completion.isError;
  useEffect(() => {
    if (!settled) return;
    void queryClient.invalidateQueries({ queryKey: channelKeys.all(tenantKey) });
    headingRef.current?.focus();
  }, [settled, queryClient, tenantKey]);

  const retry = platform ? (
    <Button className="mt-3" loading={connect.busyWith === platform} onClick={() => connect.start(platform)}>
      Try again
    </Button>
  ) : null;

  let body: ReactNode;
  let title = `Connecting ${label}`;
  if (!platform) {
    title = 'Unknown platform';
    body = (
      <Alert tone="warning">
        ReplyForce does not know the platform “{platformParam}”. Start again from the Channels page.
      </Alert>
    );
  } else if (!state || (!code && !error)) {
    title = 'This link is incomplete';
    body = (
      <Alert tone="warning">
        This page is where {label} sends you back after you approve the connection, and the answer it carried
        is missing (or was already used). Start again from the Channels page.
        {retry}
      </Alert>
    );
  } else if (error) {
    // The person said no on the consent page. The server is told so it can close the attempt; its
    // answer does not change what happened.
    title = `${label} was not connected`;
    body = completion.isPending ? (
      <LoadingState label="Closing the attempt…" />
    ) : (
      <Alert tone="warning" title="You did not grant access">
        {answer.errorDescription ??
          `The ${PLATFORM_INFO[platform].product} stays disconnected. Nothing was changed.`}
        {error !== 'access_denied' && (
          <span className="mt-1 block text-xs">
            {label} answered “{error}”.
          </span>
        )}
        {retry}
      </Alert>
    );
  } else if (completion.isPending) {
    body = <LoadingState label={`Finishing the connection with ${label}…`} />;
  } else if (completion.isError) {
    title = `Could not connect ${label}`;
    body = (
      <Alert tone="error" title="The connection did not go through">
        {errorMessage(completion.error)}
        {retry}
      </Alert>
    );
  } else if (completion.data.items.length === 0) {
    title = `${label} connected nothing`;
    body = (
      <Alert tone="warning" title="No account was selected">
        You approved access but did not pick an account to connect.
        {retry}
      </Alert>
    );
  } else {
    const count = completion.data.items.length;
    title = `${label} connected`;
    body = (
      <Alert tone="success" title={`${count} ${count === 1 ? 'account' : 'accounts'} connected`}>
        New messages and comments will arrive in the inbox.
        <ConnectedList channels={completion.data.items} />
      </Alert>
    );
  }

  return (
    <>
      <PageHeader title="Channels" />
      <Card className="max-w-2xl">
        <h2
          ref={headingRef}
          tabIndex={-1}
          className="mb-4 flex items-center gap-2 text-lg font-semibold text-slate-900 outline-none dark:text-white"
        >
          {platform && <PlatformIcon platform={platform} className="size-6" />}
          {title}
        </h2>
        {connect.error && (
          <Alert tone="error" className="mb-3">
            {errorMessage(connect.error)}
          </Alert>
        )}
        {body}
        <BackLinks />
      </Card>
    </>
  );
}
