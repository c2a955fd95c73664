import type { PlatformId } from '@replyforce/contracts';
import { useEffect } from 'react';
import { useStartConnect } from './channels-api.ts';

/**
 * Starting a connection leaves the page for the platform's consent page. The button stays busy
 * until the browser has left; coming back with the Back button (page cache) makes it usable again.
 */
export function useConnectRedirect() {
  const start = useStartConnect();
  const { reset } = start;
  useEffect(() => {
    const onShow = (event: PageTransitionEvent) => {
      if (event.persisted) reset();
    };
    window.addEventListener('pageshow', onShow);
    return () => window.removeEventListener('pageshow', onShow);
  }, [reset]);
  return {
    start: (platform: PlatformId) => start.mutate(platform),
    /** The platform being connected while the request runs or the browser is leaving. */
    busyWith: start.isPending || start.isSuccess ? start.variables : undefined,
    error: start.error,
    errorFor: start.isError ? start.variables : undefined,
  };
}
