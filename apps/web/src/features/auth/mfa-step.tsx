import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { TextField } from '../../components/field.tsx';
import { ApiError, errorMessage, startSession } from '../../lib/api.ts';
import { authApi } from './auth-api.ts';

function stepErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'INVALID_CREDENTIALS') return 'That code is not correct or was already used.';
    if (error.code === 'UNAUTHENTICATED') return 'This sign-in has expired. Start again with your password.';
    if (error.code === 'RATE_LIMITED')
      return `Too many attempts. Try again in ${error.retryAfter ?? 60} seconds.`;
  }
  return errorMessage(error);
}

/** The second sign-in step: a code from the authenticator app, or one recovery code. */
export function MfaStep({ challenge, onCancel }: { challenge: string; onCancel: () => void }) {
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();
  const inputRef = useRef<HTMLFormElement>(null);
  // On success the session store flips to "authenticated" and <PublicOnly> redirects.
  const verify = useMutation({ mutationFn: authApi.loginMfa, onSuccess: startSession });

  const focusField = () => inputRef.current?.querySelector('input')?.focus();
  // The step replaces the password form: focus goes to its field, where the user types next.
  useEffect(() => {
    inputRef.current?.querySelector('input')?.focus();
  }, []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const v = value.trim();
    if (useRecovery ? v.length < 8 : !/^\d{6}$/.test(v)) {
      setError(useRecovery ? 'Enter one of your recovery codes.' : 'Enter the 6-digit code your app shows.');
      return;
    }
    setError(undefined);
    verify.mutate(useRecovery ? { challenge, recoveryCode: v } : { challenge, code: v });
  }

  const expired = verify.error instanceof ApiError && verify.error.code === 'UNAUTHENTICATED';
  return (
    <form ref={inputRef} noValidate onSubmit={submit} className="space-y-4" aria-label="Two-factor sign-in">
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {useRecovery
          ? 'Enter one of the recovery codes you saved. Each works once.'
          : 'Open your authenticator app and enter the 6-digit code for ReplyForce.'}
      </p>
      {verify.error && (
        <Alert tone="error" title="Could not sign in">
          {stepErrorMessage(verify.error)}
        </Alert>
      )}
      <TextField
        key={useRecovery ? 'recovery' : 'code'}
        label={useRecovery ? 'Recovery code' : 'Authentication code'}
        name={useRecovery ? 'recovery-code' : 'mfa-code'}
        inputMode={useRecovery ? 'text' : 'numeric'}
        autoComplete={useRecovery ? 'off' : 'one-time-code'}
        maxLength={useRecovery ? 40 : 6}
        value={value}
        onChange={setValue}
        error={error}
      />
      {expired ? (
        <Button type="button" className="w-full" onClick={onCancel}>
          Sign in again
        </Button>
      ) : (
        <Button type="submit" className="w-full" loading={verify.isPending}>
          Verify
        </Button>
      )}
      <div className="flex flex-wrap justify-between gap-2">
        <Button
          type="button"
          variant="ghost"
          size="sm"
          onClick={() => {
            setUseRecovery(!useRecovery);
            setValue('');
            setError(undefined);
            requestAnimationFrame(focusField);
          }}
        >
          {useRecovery ? 'Use a code from the app' : 'Use a recovery code'}
        </Button>
        <Button type="button" variant="ghost" size="sm" onClick={onCancel}>
          Back
        </Button>
      </div>
    </form>
  );
}
