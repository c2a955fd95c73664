import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../components/alert.tsx';
import { Button, focusRing } from '../../components/button.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.tsx';
import { errorMessage } from '../../lib/api.ts';
import { cn } from '../../lib/cn.ts';
import { formatDateTime } from '../../lib/format.ts';
import { MailDetail } from './mail-detail.tsx';
import { MailStatusBadge } from './mail-status-badge.tsx';
import { useOutbox } from './outbox-api.ts';

export function OutboxPage() {
  const [params] = useSearchParams();
  const selectedId = params.get('mail');
  const outbox = useOutbox();
  const mails = outbox.data?.pages.flatMap((page) => page.items) ?? [];
  const selected = selectedId ? mails.find((mail) => mail.id === selectedId) : undefined;

  return (
    <>
      <PageHeader
        title="Outbox"
        description="Emails this workspace sent, such as invitations. Without an SMTP server configured they are kept here."
      />
      {outbox.isPending ? (
        <LoadingState label="Loading the outbox…" />
      ) : !outbox.data ? (
        <ErrorState
          error={outbox.error}
          title="Could not load the outbox"
          onRetry={() => void outbox.refetch()}
        />
      ) : mails.length === 0 ? (
        <EmptyState title="No emails sent yet">
          Invitations you send from the Team page will appear here.
        </EmptyState>
      ) : (
        <div className="grid gap-6 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
          <section
            aria-labelledby="mail-list-heading"
            className={cn('space-y-3', selected && 'hidden lg:block')}
          >
            <h2 id="mail-list-heading" className="sr-only">
              Sent emails
            </h2>
            <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
              {mails.map((mail) => {
                const active = mail.id === selected?.id;
                return (
                  <li key={mail.id}>
                    <Link
                      to={`?mail=${encodeURIComponent(mail.id)}`}
                      aria-current={active ? 'true' : undefined}
                      className={cn(
                        'block px-4 py-3 -outline-offset-2',
                        active
                          ? 'bg-indigo-50 dark:bg-indigo-950/60'
                          : 'hover:bg-slate-50 dark:hover:bg-slate-800/60',
                        focusRing,
                      )}
                    >
                      <span className="flex items-start justify-between gap-2">
                        <span className="min-w-0 font-medium text-slate-900 dark:text-white">
                          {mail.subject}
                        </span>
                        <MailStatusBadge status={mail.status} />
                      </span>
                      <span className="mt-0.5 block truncate text-sm text-slate-600 dark:text-slate-400">
                        To {mail.to}
                      </span>
                      <span className="mt-0.5 block text-xs text-slate-600 dark:text-slate-400">
                        <time dateTime={mail.createdAt}>{formatDateTime(mail.createdAt)}</time>
                      </span>
                    </Link>
                  </li>
                );
              })}
            </ul>
            {outbox.isError && <Alert tone="error">{errorMessage(outbox.error)}</Alert>}
            {outbox.hasNextPage && (
              <Button
                variant="secondary"
                loading={outbox.isFetchingNextPage}
                onClick={() => void outbox.fetchNextPage()}
              >
                Load more
              </Button>
            )}
          </section>
          <div>
            {selected ? (
              <MailDetail key={selected.id} mail={selected} />
            ) : selectedId ? (
              <Alert tone="warning">That email is not in the loaded list. Choose one from the list.</Alert>
            ) : (
              <div className="hidden lg:block">
                <EmptyState title="Select an email">Choose an email on the left to read it.</EmptyState>
              </div>
            )}
          </div>
        </div>
      )}
    </>
  );
}
