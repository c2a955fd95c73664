import type { Role } from '@replyforce/contracts';
import { type FormEvent, useRef, useState } from 'react';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { errorMessage, fieldErrorsOf } from '../../lib/api.ts';
import { checkEmail, focusFirstInvalid } from '../../lib/validation.ts';
import { useCan } from '../auth/use-session.ts';
import { ROLE_DESCRIPTIONS, ROLE_OPTIONS } from './role-options.ts';
import { useInvite } from './team-api.ts';

export function InviteForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const canReadOutbox = useCan('read:outbox');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [emailError, setEmailError] = useState<string | undefined>();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const invite = useInvite();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = checkEmail(email) ?? undefined;
    setEmailError(problem);
    setSentTo(null);
    if (problem) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    const address = email.trim();
    invite.mutate(
      { email: address, role },
      {
        onSuccess: () => {
          setSentTo(address);
          setEmail('');
        },
      },
    );
  }

  return (
    <Card title="Invite a teammate" description="They get an email with a link to join this workspace.">
      <form ref={formRef} noValidate onSubmit={submit} aria-label="Invite a teammate" className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-start">
          <TextField
            label="Email"
            type="email"
            name="email"
            autoComplete="off"
            inputMode="email"
            required
            value={email}
            onChange={setEmail}
            error={emailError ?? fieldErrorsOf(invite.error).email}
          />
          <SelectField
            label="Role"
            name="role"
            value={role}
            onChange={(value) => setRole(value as Role)}
            options={ROLE_OPTIONS}
            hint={ROLE_DESCRIPTIONS[role]}
          />
          <Button type="submit" loading={invite.isPending} className="sm:mt-6">
            Send invitation
          </Button>
        </div>
        {invite.error && (
          <Alert tone="error" title="Could not send the invitation">
            {errorMessage(invite.error)}
          </Alert>
        )}
        {sentTo && !invite.error && (
          <Alert tone="success">
            Invitation sent to <strong className="break-all">{sentTo}</strong>.
            {canReadOutbox && (
              <>
                {' '}
                You can read the email in the <TextLink to="/outbox">Outbox</TextLink>.
              </>
            )}
          </Alert>
        )}
      </form>
    </Card>
  );
}
