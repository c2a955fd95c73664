import { Alert } from '../../components/alert.tsx';
import { Badge } from '../../components/badge.tsx';
import { Button } from '../../components/button.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { errorMessage } from '../../lib/api.ts';
import { formatDateTime, formatRelative } from '../../lib/format.ts';
import { type CrmDeadLetter, type CrmFailure, useRetryCrmDeadLetter } from './crm-api.ts';
import { crmVendorLabel } from './crm-vendors.ts';
import { deadLetterLeadId, failureKindLabel, shortLeadName } from './sync-status.ts';

export function FailureItem({ failure, now }: { failure: CrmFailure; now: number }) {
  return (
    <li className="space-y-1 py-3">
      <div className="flex flex-wrap items-center gap-2">
        <TextLink to={`/leads/${encodeURIComponent(failure.leadId)}`}>
          {shortLeadName(failure.leadId)}
        </TextLink>
        <span className="text-sm text-slate-600 dark:text-slate-400">{crmVendorLabel(failure.vendor)}</span>
        <Badge tone={failure.status === 'dead' ? 'red' : 'amber'}>
          {failure.status === 'dead' ? 'Gave up' : 'Retrying'}
        </Badge>
      </div>
      <p className="text-sm text-slate-800 dark:text-slate-200">
        {failureKindLabel(failure.errorKind)}
        {failure.error && (
          <span className="break-words text-slate-600 dark:text-slate-400">: {failure.error}</span>
        )}
      </p>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {failure.attempts} {failure.attempts === 1 ? 'attempt' : 'attempts'}
        {failure.nextAttemptAt && (
          <>
            {' '}
            · next try{' '}
            <time dateTime={failure.nextAttemptAt} title={formatDateTime(failure.nextAttemptAt)}>
              {formatRelative(failure.nextAttemptAt, now)}
            </time>
          </>
        )}
      </p>
    </li>
  );
}

export function DeadLetterItem({ letter, now }: { letter: CrmDeadLetter; now: number }) {
  const retry = useRetryCrmDeadLetter();
  const leadId = deadLetterLeadId(letter.payload);
  const name = leadId ? shortLeadName(leadId) : 'This sync';
  return (
    <li className="space-y-2 py-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex flex-wrap items-center gap-2">
          {leadId ? (
            <TextLink to={`/leads/${encodeURIComponent(leadId)}`}>{name}</TextLink>
          ) : (
            <span className="font-medium text-slate-900 dark:text-white">{name}</span>
          )}
          <span className="text-xs text-slate-600 dark:text-slate-400">
            gave up{' '}
            <time dateTime={letter.failedAt} title={formatDateTime(letter.failedAt)}>
              {formatRelative(letter.failedAt, now)}
            </time>{' '}
            after {letter.attempts} {letter.attempts === 1 ? 'attempt' : 'attempts'}
          </span>
        </div>
        <Button
          variant="secondary"
          size="sm"
          loading={retry.isPending}
          disabled={retry.isSuccess}
          aria-label={`Retry ${name}`}
          onClick={() => retry.mutate(letter.id)}
        >
          {retry.isSuccess ? 'Queued' : 'Retry'}
        </Button>
      </div>
      <p className="text-sm break-words text-slate-700 dark:text-slate-300">{letter.error}</p>
      {retry.isError && (
        <Alert tone="error" title="Could not retry">
          {errorMessage(retry.error)}
        </Alert>
      )}
    </li>
  );
}
