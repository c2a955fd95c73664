import type { MfaEnrolmentDto } from '@replyforce/contracts';
import { type FormEvent, useState } from 'react';
import { Alert } from '../../components/alert.tsx';
import { Badge } from '../../components/badge.tsx';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { TextField } from '../../components/field.tsx';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { errorMessage } from '../../lib/api.ts';
import {
  useConfirmEnrolment,
  useDisableMfa,
  useMfaStatus,
  useRegenerateCodes,
  useStartEnrolment,
} from './mfa-api.ts';
import { RecoveryCodesPanel } from './recovery-codes-panel.tsx';

const SIX_DIGITS = /^\d{6}$/;

/** Groups of four, as authenticator apps print secrets: easier to type by hand. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

export function MfaSection() {
  const status = useMfaStatus();
  const [codes, setCodes] = useState<string[] | null>(null);

  return (
    <Card
      title="Two-factor sign-in"
      description="A 6-digit code from an authenticator app, asked for after your password."
    >
      {status.isPending ? (
        <LoadingState label="Loading two-factor status…" />
      ) : status.isError ? (
        <ErrorState error={status.error} onRetry={() => status.refetch()} />
      ) : codes ? (
        <RecoveryCodesPanel codes={codes} onDone={() => setCodes(null)} />
      ) : status.data.enabled ? (
        <EnabledPanel codesLeft={status.data.recoveryCodesLeft} onCodes={setCodes} />
      ) : (
        <EnrolPanel required={status.data.enrolmentRequired} onCodes={setCodes} />
      )}
    </Card>
  );
}

function EnrolPanel({ required, onCodes }: { required: boolean; onCodes: (codes: string[]) => void }) {
  const start = useStartEnrolment();
  const confirm = useConfirmEnrolment();
  const [enrolment, setEnrolment] = useState<MfaEnrolmentDto | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!SIX_DIGITS.test(code.trim())) return setError('Enter the 6-digit code your app shows.');
    setError(undefined);
    confirm.mutate(code.trim(), { onSuccess: (r) => onCodes(r.recoveryCodes) });
  }

  return (
    <div className="space-y-4">
      {required && (
        <Alert tone="warning" title="Required by this workspace">
          Admins of this workspace must use two-factor sign-in. Set it up to use the rest of ReplyForce.
        </Alert>
      )}
      {!enrolment ? (
        <>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            <Badge tone="neutral">Off</Badge> Protect your account even if your password leaks.
          </p>
          {start.error && <Alert tone="error">{errorMessage(start.error)}</Alert>}
          <Button
            loading={start.isPending}
            onClick={() => start.mutate(undefined, { onSuccess: setEnrolment })}
          >
            Set up two-factor sign-in
          </Button>
        </>
      ) : (
        <form noValidate onSubmit={submit} className="space-y-4" aria-label="Confirm two-factor sign-in">
          <ol className="list-decimal space-y-3 pl-5 text-sm text-slate-700 dark:text-slate-300">
            <li>
              In your authenticator app, add an account with this key (time-based):
              <code className="mt-1 block break-all rounded bg-slate-100 px-2 py-1 font-mono text-slate-900 dark:bg-slate-800 dark:text-white">
                {grouped(enrolment.secret)}
              </code>
              <span className="mt-1 block">Or paste this setup link into an app that accepts one:</span>
              <code className="mt-1 block break-all rounded bg-slate-100 px-2 py-1 font-mono text-xs text-slate-900 dark:bg-slate-800 dark:text-white">
                {enrolment.otpauthUri}
              </code>
            </li>
            <li>Enter the 6-digit code the app shows.</li>
          </ol>
          {confirm.error && <Alert tone="error">{errorMessage(confirm.error)}</Alert>}
          <TextField
            label="Code from the app"
            name="mfa-code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={code}
            onChange={setCode}
            error={error}
            className="max-w-xs"
          />
          <Button type="submit" loading={confirm.isPending}>
            Turn on
          </Button>
        </form>
      )}
    </div>
  );
}

function EnabledPanel({ codesLeft, onCodes }: { codesLeft: number; onCodes: (codes: string[]) => void }) {
  const regenerate = useRegenerateCodes();
  const disable = useDisableMfa();
  const [code, setCode] = useState('');
  const [proof, setProof] = useState('');
  const [codeError, setCodeError] = useState<string>();
  const [proofError, setProofError] = useState<string>();

  function submitRegenerate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!SIX_DIGITS.test(code.trim())) return setCodeError('Enter the 6-digit code your app shows.');
    setCodeError(undefined);
    regenerate.mutate(code.trim(), {
      onSuccess: (r) => {
        setCode('');
        onCodes(r.recoveryCodes);
      },
    });
  }

  function submitDisable(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = proof.trim();
    if (!value) return setProofError('Enter a code from your app or your password.');
    setProofError(undefined);
    // Six digits is a code; anything else is taken as the password.
    disable.mutate(SIX_DIGITS.test(value) ? { code: value } : { password: proof });
  }

  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-700 dark:text-slate-300">
        <Badge tone="green">On</Badge> {codesLeft} recovery code{codesLeft === 1 ? '' : 's'} left.
      </p>
      <form noValidate onSubmit={submitRegenerate} className="space-y-3" aria-label="New recovery codes">
        {regenerate.error && <Alert tone="error">{errorMessage(regenerate.error)}</Alert>}
        <TextField
          label="Code from the app"
          name="regenerate-code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          onChange={setCode}
          error={codeError}
          hint="New codes replace all the old ones."
          className="max-w-xs"
        />
        <Button type="submit" variant="secondary" loading={regenerate.isPending}>
          Make new recovery codes
        </Button>
      </form>
      <form
        noValidate
        onSubmit={submitDisable}
        className="space-y-3"
        aria-label="Turn off two-factor sign-in"
      >
        {disable.error && <Alert tone="error">{errorMessage(disable.error)}</Alert>}
        <TextField
          label="Code from the app, or your password"
          name="disable-proof"
          type="password"
          autoComplete="off"
          value={proof}
          onChange={setProof}
          error={proofError}
          className="max-w-xs"
        />
        <Button type="submit" variant="danger" loading={disable.isPending}>
          Turn off two-factor sign-in
        </Button>
      </form>
    </div>
  );
}
