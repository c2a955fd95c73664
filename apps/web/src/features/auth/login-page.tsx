import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Alert } from '../../components/alert.tsx';
import { AuthLayout } from '../../components/auth-layout.tsx';
import { Button } from '../../components/button.tsx';
import { TextField } from '../../components/field.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { ApiError, errorMessage, fieldErrorsOf, startSession } from '../../lib/api.ts';
import {
  checkEmail,
  checkRequired,
  collectErrors,
  type FieldErrors,
  focusFirstInvalid,
} from '../../lib/validation.ts';
import { authApi } from './auth-api.ts';
import { MfaStep } from './mfa-step.tsx';
import { useSessionState } from './use-session.ts';

type Field = 'email' | 'password';

function loginErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'INVALID_CREDENTIALS')
      return 'The email or password is incorrect. Check both and try again.';
    if (error.code === 'RATE_LIMITED') {
      const wait = error.retryAfter
        ? ` Try again in ${error.retryAfter} second${error.retryAfter === 1 ? '' : 's'}.`
        : ' Wait a moment and try again.';
      return `Too many sign-in attempts.${wait}`;
    }
  }
  return errorMessage(error);
}

export function LoginPage() {
  const sessionState = useSessionState();
  const formRef = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors<Field>>({});

  const [challenge, setChallenge] = useState<string | null>(null);

  // On success the session store flips to "authenticated" and <PublicOnly> redirects; an account
  // with two-factor sign-in gets a challenge instead, answered by the second step below.
  const login = useMutation({
    mutationFn: authApi.login,
    onSuccess: (result) => {
      if ('status' in result) setChallenge(result.challenge);
      else startSession(result);
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = collectErrors<Field>({
      email: checkEmail(email),
      password: checkRequired(password, 'Enter your password.'),
    });
    setErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    login.mutate({ email: email.trim(), password });
  }

  const serverErrors = fieldErrorsOf(login.error);
  const expired = sessionState.status === 'anonymous' && sessionState.reason === 'expired';
  const rateLimited = login.error instanceof ApiError && login.error.code === 'RATE_LIMITED';

  return (
    <AuthLayout
      title="Sign in to ReplyForce"
      subtitle="Welcome back. Use the email and password of your account."
      footer={
        <>
          New to ReplyForce? <TextLink to="/register">Create a workspace</TextLink>
        </>
      }
    >
      {challenge ? (
        <MfaStep
          challenge={challenge}
          onCancel={() => {
            setChallenge(null);
            setPassword('');
            login.reset();
          }}
        />
      ) : (
        <form ref={formRef} noValidate onSubmit={submit} className="space-y-4" aria-label="Sign in">
          {expired && !login.error && (
            <Alert tone="info">Your session has ended. Please sign in again.</Alert>
          )}
          {login.error && (
            <Alert
              tone={rateLimited ? 'warning' : 'error'}
              title={rateLimited ? 'Slow down' : 'Could not sign in'}
            >
              {loginErrorMessage(login.error)}
            </Alert>
          )}
          <TextField
            label="Email"
            type="email"
            name="email"
            autoComplete="username"
            inputMode="email"
            required
            value={email}
            onChange={setEmail}
            error={errors.email ?? serverErrors.email}
          />
          <TextField
            label="Password"
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={setPassword}
            error={errors.password ?? serverErrors.password}
          />
          <Button type="submit" className="w-full" loading={login.isPending}>
            Sign in
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}
