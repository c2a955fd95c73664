import type { CrmVendorId } from '@replyforce/contracts';
import { useId, useState } from 'react';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { SelectField } from '../../components/field.tsx';
import { errorMessage } from '../../lib/api.ts';
import { CRM_VENDOR_INFO, ZOHO_REGIONS } from './crm-vendors.ts';
import { TokenConnectForm } from './token-connect-form.tsx';
import type { CrmConnectRedirect } from './use-crm-connect-redirect.ts';

/**
 * The ways to connect one CRM: its consent page (with Zoho's data centre first), and a private-app
 * token or API key where the vendor has one. Used to connect and to reconnect.
 */
export function ConnectActions({
  vendor,
  connect,
  mode,
}: {
  vendor: CrmVendorId;
  connect: CrmConnectRedirect;
  mode: 'connect' | 'reconnect';
}) {
  const info = CRM_VENDOR_INFO[vendor];
  const [region, setRegion] = useState('us');
  const [tokenOpen, setTokenOpen] = useState(false);
  const tokenFormId = useId();
  const verb = mode === 'connect' ? 'Connect' : 'Reconnect';

  return (
    <div className="space-y-3">
      {info.regions && (
        <SelectField
          label={`${info.label} data centre`}
          value={region}
          onChange={setRegion}
          options={ZOHO_REGIONS}
          hint="Where your Zoho account lives: its sign-in page is on that domain."
        />
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button
          variant={mode === 'connect' ? 'primary' : 'secondary'}
          loading={connect.busyWith === vendor}
          aria-label={`${verb} ${info.label}`}
          onClick={() => connect.start(vendor, info.regions ? region : undefined)}
        >
          {verb}
        </Button>
        {info.token && (
          <Button
            variant="ghost"
            aria-expanded={tokenOpen}
            aria-controls={tokenFormId}
            onClick={() => setTokenOpen((open) => !open)}
          >
            Use {info.token.aName}
          </Button>
        )}
      </div>
      {connect.errorFor === vendor && (
        <Alert tone="error" title={`Could not start connecting ${info.label}`}>
          {errorMessage(connect.error)}
        </Alert>
      )}
      {info.token && (
        <div id={tokenFormId} hidden={!tokenOpen}>
          {tokenOpen && <TokenConnectForm vendor={vendor} />}
        </div>
      )}
    </div>
  );
}
