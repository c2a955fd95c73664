import type { InvitationPreviewDto } from '@replyforce/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../components/alert.tsx';
import { AuthLayout } from '../../components/auth-layout.tsx';
import { Button } from '../../components/button.tsx';
import { TextField } from '../../components/field.tsx';
import { RoleBadge } from '../../components/role-badge.tsx';
import { LoadingState } from '../../components/states.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { ApiError, errorMessage, fieldErrorsOf, startSession } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import {
  checkNewPassword,
  checkRequired,
  collectErrors,
  type FieldErrors,
  focusFirstInvalid,
  PASSWORD_MIN_LENGTH,
} from '../../lib/validation.ts';
import { authApi } from './auth-api.ts';

const SIGN_IN_FOOTER = (
  <>
    Already a member? <TextLink to="/login">Sign in</TextLink>
  </>
);

function isInvalidInvitation(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.code === 'INVITATION_INVALID' || error.status === 410 || error.status === 404)
  );
}

function InvalidInvitation() {
  return (
    <AuthLayout title="This invitation can't be used" footer={SIGN_IN_FOOTER}>
      <Alert tone="warning" title="The link has expired, was revoked, or was already used.">
        Ask the person who invited you to send a new invitation.
      </Alert>
    </AuthLayout>
  );
}

export function AcceptInvitePage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: ({ signal }) => authApi.getInvitation(token, signal),
    enabled: token.length > 0,
    staleTime: Number.POSITIVE_INFINITY,
  });

  if (!token) {
    return (
      <AuthLayout title="Invitation link incomplete" footer={SIGN_IN_FOOTER}>
        <Alert tone="warning">
          This link has no invitation token. Open the link from your invitation email again, or copy the whole
          address.
        </Alert>
      </AuthLayout>
    );
  }
  if (preview.isPending) {
    return (
      <AuthLayout title="Join your team">
        <LoadingState label="Checking your invitation…" />
      </AuthLayout>
    );
  }
  if (preview.isError) {
    if (isInvalidInvitation(preview.error)) return <InvalidInvitation />;
    return (
      <AuthLayout title="Join your team" footer={SIGN_IN_FOOTER}>
        <Alert tone="error" title="Could not check the invitation">
          {errorMessage(preview.error)}
        </Alert>
        <Button variant="secondary" className="mt-4" onClick={() => void preview.refetch()}>
          Try again
        </Button>
      </AuthLayout>
    );
  }
  return <AcceptForm token={token} invitation={preview.data} />;
}

type Field = 'name' | 'password';

function AcceptForm({ token, invitation }: { token: string; invitation: InvitationPreviewDto }) {
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const accept = useMutation({
    mutationFn: authApi.acceptInvitation,
    onSuccess: (session) => {
      startSession(session);
      navigate('/team', { replace: true });
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = collectErrors<Field>({
      name: invitation.accountExists ? null : checkRequired(name, 'Enter your name.'),
      password: invitation.accountExists
        ? checkRequired(password, 'Enter your password.')
        : checkNewPassword(password),
    });
    setErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    accept.mutate(invitation.accountExists ? { token, password } : { token, name: name.trim(), password });
  }

  if (isInvalidInvitation(accept.error)) return <InvalidInvitation />;
  const serverErrors = fieldErrorsOf(accept.error);

  return (
    <AuthLayout
      title={`Join ${invitation.tenantName}`}
      subtitle={`${invitation.invitedBy} invited you to ReplyForce.`}
      footer={invitation.accountExists ? undefined : SIGN_IN_FOOTER}
    >
      <dl className="mb-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded-md bg-slate-50 p-3 text-sm dark:bg-slate-800/60">
        <dt className="text-slate-600 dark:text-slate-400">Workspace</dt>
        <dd className="font-medium text-slate-900 dark:text-white">{invitation.tenantName}</dd>
        <dt className="text-slate-600 dark:text-slate-400">Email</dt>
        <dd className="break-all font-medium text-slate-900 dark:text-white">{invitation.email}</dd>
        <dt className="text-slate-600 dark:text-slate-400">Role</dt>
        <dd>
          <RoleBadge role={invitation.role} />
        </dd>
        <dt className="text-slate-600 dark:text-slate-400">Invited by</dt>
        <dd className="text-slate-900 dark:text-white">{invitation.invitedBy}</dd>
        <dt className="text-slate-600 dark:text-slate-400">Expires</dt>
        <dd className="text-slate-900 dark:text-white">
          <time dateTime={invitation.expiresAt}>{formatDateTime(invitation.expiresAt)}</time>
        </dd>
      </dl>
      <form ref={formRef} noValidate onSubmit={submit} className="space-y-4" aria-label="Accept invitation">
        <p className="text-sm text-slate-700 dark:text-slate-300">
          {invitation.accountExists
            ? `You already have a ReplyForce account for ${invitation.email}. Enter its password to join.`
            : 'Choose your name and a password to create your account.'}
        </p>
        {accept.error && (
          <Alert tone="error" title="Could not accept the invitation">
            {accept.error instanceof ApiError && accept.error.code === 'INVALID_CREDENTIALS'
              ? 'That password is not correct for this account.'
              : errorMessage(accept.error)}
          </Alert>
        )}
        {/* Lets password managers file the new password under the right account. */}
        <input type="hidden" name="username" autoComplete="username" value={invitation.email} readOnly />
        {!invitation.accountExists && (
          <TextField
            label="Your name"
            name="name"
            autoComplete="name"
            required
            maxLength={80}
            value={name}
            onChange={setName}
            error={errors.name ?? serverErrors.name}
          />
        )}
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete={invitation.accountExists ? 'current-password' : 'new-password'}
          required
          minLength={invitation.accountExists ? undefined : PASSWORD_MIN_LENGTH}
          maxLength={200}
          value={password}
          onChange={setPassword}
          error={errors.password ?? serverErrors.password}
          hint={invitation.accountExists ? undefined : `At least ${PASSWORD_MIN_LENGTH} characters.`}
        />
        <Button type="submit" className="w-full" loading={accept.isPending}>
          Accept and join
        </Button>
      </form>
    </AuthLayout>
  );
}
