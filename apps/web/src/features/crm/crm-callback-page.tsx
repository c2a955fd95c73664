import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { Alert } from '../../components/alert.tsx';
import { Card } from '../../components/card.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadingState } from '../../components/states.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useTenantKey } from '../auth/use-session.ts';
import { ConnectActions } from './connect-actions.tsx';
import { completeCrmConnect, useReloadCrm } from './crm-api.ts';
import { type CrmRedirect, isUsableRedirect, readCrmRedirect } from './crm-redirect.ts';
import { CrmVendorMark } from './crm-vendor-mark.tsx';
import { CRM_VENDOR_INFO, isCrmVendor } from './crm-vendors.ts';
import { useCrmConnectRedirect } from './use-crm-connect-redirect.ts';

/** Reads the CRM's answer once, then takes the single-use code out of the address bar. */
function useCrmAnswer(): CrmRedirect {
  const [answer] = useState(() => readCrmRedirect(window.location.search));
  useEffect(() => {
    if (window.location.search) {
      // Keep the router's own history state; only the query string goes.
      window.history.replaceState(window.history.state, '', window.location.pathname);
    }
  }, []);
  return answer;
}

/** /crm/callback/:vendor — where the CRM's consent page sends the browser back (start-crm-connect.ts). */
export function CrmCallbackPage() {
  const { vendor: vendorParam } = useParams();
  const answer = useCrmAnswer();
  const tenantKey = useTenantKey();
  const reload = useReloadCrm();
  const connect = useCrmConnectRedirect();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const vendor = isCrmVendor(vendorParam) ? vendorParam : null;
  const info = vendor ? CRM_VENDOR_INFO[vendor] : null;
  const label = info?.label ?? 'The CRM';
  const usable = isUsableRedirect(answer);
  const { state, code, error, extra } = answer;

  const completion = useQuery({
    // Outside the 'crm' prefix: refreshing CRM data must not refetch (re-send) this.
    queryKey: [...tenantKey, 'crm-connect', state],
    queryFn: () =>
      completeCrmConnect({
        state: state ?? '',
        ...(code ? { code } : {}),
        ...(error ? { error: error.slice(0, 200) } : {}),
        ...(Object.keys(extra).length > 0 ? { extra } : {}),
      }),
    enabled: Boolean(vendor && usable),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

  const settled = completion.isSuccess || completion.isError;
  useEffect(() => {
    if (!settled) return;
    void reload();
    headingRef.current?.focus();
  }, [settled, reload]);

  const retry = vendor ? (
    <div className="mt-3">
      <ConnectActions vendor={vendor} connect={connect} mode="connect" />
    </div>
  ) : null;

  let body: ReactNode;
  let title = `Connecting ${label}`;
  if (!vendor) {
    title = 'Unknown CRM';
    body = (
      <Alert tone="warning">
        ReplyForce does not connect a CRM called “{vendorParam}”. Start again from the CRM settings.
      </Alert>
    );
  } else if (!usable) {
    title = 'This link is incomplete';
    body = (
      <Alert tone="warning">
        This page is where {label} sends you back after you approve the connection, and the answer it carried
        is missing (or was already used). Start again:
        {retry}
      </Alert>
    );
  } else if (error) {
    // The person said no on the consent page. The server is told, so it closes the attempt; its
    // answer does not change what happened.
    title = `${label} was not connected`;
    body = completion.isPending ? (
      <LoadingState label="Closing the attempt…" />
    ) : (
      <Alert tone="warning" title="You did not grant access">
        {answer.errorDescription ?? `${label} stays disconnected. Nothing was changed.`}
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
  } else {
    const connection = completion.data;
    title = `${label} connected`;
    body = (
      <Alert tone="success" title={connection.accountId ? `Account ${connection.accountId}` : 'Connected'}>
        Leads already in ReplyForce are on their way to {label} as {info?.record}s; new leads follow within
        seconds. Check the field mapping to choose what is sent.
      </Alert>
    );
  }

  return (
    <>
      <PageHeader title="CRM" />
      <Card className="max-w-2xl">
        <h2
          ref={headingRef}
          tabIndex={-1}
          className="mb-4 flex items-center gap-2 text-lg font-semibold text-slate-900 outline-none dark:text-white"
        >
          {vendor && <CrmVendorMark vendor={vendor} className="size-6" />}
          {title}
        </h2>
        {body}
        <p className="mt-4 text-sm">
          <TextLink to="/settings/crm">
            {completion.isSuccess
              ? 'Go to the CRM settings and the field mapping'
              : 'Back to the CRM settings'}
          </TextLink>
        </p>
      </Card>
    </>
  );
}
