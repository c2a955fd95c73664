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
  checkNewPassword,
  checkRequired,
  collectErrors,
  type FieldErrors,
  focusFirstInvalid,
  PASSWORD_MIN_LENGTH,
} from '../../lib/validation.ts';
import { authApi } from './auth-api.ts';

type Field = 'tenantName' | 'name' | 'email' | 'password';

export function RegisterPage() {
  const formRef = useRef<HTMLFormElement>(null);
  const [tenantName, setTenantName] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors<Field>>({});

  const register = useMutation({ mutationFn: authApi.register, onSuccess: startSession });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = collectErrors<Field>({
      tenantName: checkRequired(tenantName, 'Give your workspace a name of at least 2 characters.', 2),
      name: checkRequired(name, 'Enter your name.'),
      email: checkEmail(email),
      password: checkNewPassword(password),
    });
    setErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    register.mutate({ tenantName: tenantName.trim(), name: name.trim(), email: email.trim(), password });
  }

  const serverErrors = fieldErrorsOf(register.error);
  const emailTaken = register.error instanceof ApiError && register.error.code === 'EMAIL_TAKEN';

  return (
    <AuthLayout
      title="Create your workspace"
      subtitle="One workspace per business. You can invite your team right after."
      footer={
        <>
          Already have an account? <TextLink to="/login">Sign in</TextLink>
        </>
      }
    >
      <form
        ref={formRef}
        noValidate
        onSubmit={submit}
        className="space-y-4"
        aria-label="Create your workspace"
      >
        {register.error && (
          <Alert tone="error" title="Could not create the workspace">
            {errorMessage(register.error)}
            {emailTaken && (
              <>
                {' '}
                <TextLink to="/login">Sign in instead</TextLink>
              </>
            )}
          </Alert>
        )}
        <TextField
          label="Workspace name"
          name="tenantName"
          autoComplete="organization"
          required
          maxLength={80}
          value={tenantName}
          onChange={setTenantName}
          error={errors.tenantName ?? serverErrors.tenantName}
          hint="Usually your company or brand, e.g. “Acme Coffee”."
        />
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
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="email"
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
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          maxLength={200}
          value={password}
          onChange={setPassword}
          error={errors.password ?? serverErrors.password}
          hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        />
        <Button type="submit" className="w-full" loading={register.isPending}>
          Create workspace
        </Button>
      </form>
    </AuthLayout>
  );
}
