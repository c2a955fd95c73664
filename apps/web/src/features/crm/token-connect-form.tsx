import type { CrmVendorId } from '@replyforce/contracts';
import { type FormEvent, useId, useRef, useState } from 'react';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { TextField } from '../../components/field.tsx';
import { errorMessage, fieldErrorsOf } from '../../lib/api.ts';
import { focusFirstInvalid } from '../../lib/validation.ts';
import { useConnectCrmWithToken } from './crm-api.ts';
import { CRM_VENDOR_INFO } from './crm-vendors.ts';

// CrmConnectBody: a token of 8 to 4096 characters, an http(s) company domain.
const TOKEN_MIN = 8;

function checkDomain(value: string): string | undefined {
  if (!value.trim()) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:'
      ? undefined
      : 'Enter the address starting with https://';
  } catch {
    return 'Enter the full address, like https://yourcompany.pipedrive.com';
  }
}

/** Connects (or reconnects) a CRM with a private-app token or API key, checked by the server first. */
export function TokenConnectForm({ vendor }: { vendor: CrmVendorId }) {
  const info = CRM_VENDOR_INFO[vendor];
  const option = info.token;
  const connect = useConnectCrmWithToken();
  const formRef = useRef<HTMLFormElement>(null);
  const headingId = useId();
  const [token, setToken] = useState('');
  const [domain, setDomain] = useState('');
  const [errors, setErrors] = useState<{ token?: string; domain?: string }>({});
  if (!option) return null;

  const serverErrors = fieldErrorsOf(connect.error);
  const tokenError = errors.token ?? serverErrors.token;
  const domainError = errors.domain ?? serverErrors.apiBase;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = {
      token: token.trim().length < TOKEN_MIN ? `Paste the whole ${option.name}.` : undefined,
      domain: option.domain ? checkDomain(domain) : undefined,
    };
    setErrors(next);
    if (next.token || next.domain) {
      queueMicrotask(() => focusFirstInvalid(formRef.current));
      return;
    }
    connect.mutate(
      { vendor, token: token.trim(), ...(option.domain && domain.trim() ? { apiBase: domain.trim() } : {}) },
      {
        onSuccess: () => setToken(''),
        onError: () => queueMicrotask(() => focusFirstInvalid(formRef.current)),
      },
    );
  };

  return (
    <form
      ref={formRef}
      aria-labelledby={headingId}
      noValidate
      onSubmit={submit}
      className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-700"
    >
      <p id={headingId} className="text-sm font-medium text-slate-800 dark:text-slate-200">
        Connect {info.label} with {option.aName}
      </p>
      <TextField
        label={option.name.charAt(0).toUpperCase() + option.name.slice(1)}
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={token}
        onChange={(value) => {
          setToken(value);
          setErrors((e) => ({ ...e, token: undefined }));
        }}
        hint={option.hint}
        error={tokenError}
      />
      {option.domain && (
        <TextField
          label="Company domain (optional)"
          type="url"
          inputMode="url"
          placeholder="https://yourcompany.pipedrive.com"
          value={domain}
          onChange={(value) => {
            setDomain(value);
            setErrors((e) => ({ ...e, domain: undefined }));
          }}
          hint="Only if your account answers on its own domain."
          error={domainError}
        />
      )}
      <Button type="submit" loading={connect.isPending}>
        Connect with token
      </Button>
      {connect.isError && !tokenError && !domainError && (
        <Alert tone="error" title="Not connected">
          {errorMessage(connect.error)}
        </Alert>
      )}
      {connect.isSuccess && (
        <Alert tone="success">
          {info.label} is connected
          {connect.data.connection?.accountId ? ` (account ${connect.data.connection.accountId})` : ''}. Your
          leads are on their way.
        </Alert>
      )}
    </form>
  );
}
