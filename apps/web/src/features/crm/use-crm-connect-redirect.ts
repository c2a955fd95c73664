import type { CrmVendorId } from '@replyforce/contracts';
import { useEffect } from 'react';
import { useStartCrmConnect } from './crm-api.ts';

/**
 * Starting a connection leaves the page for the CRM's consent page. The button stays busy until
 * the browser has left; coming back with the Back button (page cache) makes it usable again.
 */
export function useCrmConnectRedirect() {
  const start = useStartCrmConnect();
  const { reset } = start;
  useEffect(() => {
    const onShow = (event: PageTransitionEvent) => {
      if (event.persisted) reset();
    };
    window.addEventListener('pageshow', onShow);
    return () => window.removeEventListener('pageshow', onShow);
  }, [reset]);
  return {
    start: (vendor: CrmVendorId, region?: string) => start.mutate(region ? { vendor, region } : { vendor }),
    /** The CRM being connected while the request runs or the browser is leaving. */
    busyWith: start.isPending || start.isSuccess ? start.variables?.vendor : undefined,
    error: start.error,
    errorFor: start.isError ? start.variables?.vendor : undefined,
  };
}

export type CrmConnectRedirect = ReturnType<typeof useCrmConnectRedirect>;
