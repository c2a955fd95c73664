import type { AuditLogDto } from '@replyforce/contracts';
import { Alert } from '../../components/alert.tsx';
import { Badge } from '../../components/badge.tsx';
import { Button } from '../../components/button.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.tsx';
import { TableFrame } from '../../components/table-frame.tsx';
import { errorMessage } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useAuditLog } from './audit-api.ts';

const th =
  'px-3 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400';
const td = 'px-3 py-3 align-top text-sm';

function AuditRow({ entry }: { entry: AuditLogDto }) {
  const { actor, resource } = entry;
  return (
    <tr>
      <td className={`${td} whitespace-nowrap text-slate-700 dark:text-slate-300`}>
        <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
      </td>
      <td className={td}>
        <div className="break-all text-slate-900 dark:text-white">
          {actor.email ?? <span className="text-slate-500 dark:text-slate-400">System</span>}
        </div>
        {(actor.ip || actor.role) && (
          <div className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">
            {[actor.role, actor.ip].filter(Boolean).join(' · ')}
          </div>
        )}
      </td>
      <td className={`${td} font-mono text-xs text-slate-800 dark:text-slate-200`}>{entry.action}</td>
      <td className={`${td} text-slate-700 dark:text-slate-300`}>
        <span>{resource.type}</span>
        {resource.id && (
          <span className="block break-all font-mono text-xs text-slate-500 dark:text-slate-400">
            {resource.id}
          </span>
        )}
      </td>
      <td className={td}>
        <Badge tone={entry.result === 'success' ? 'green' : 'red'}>
          {entry.result === 'success' ? 'Success' : 'Failure'}
        </Badge>
      </td>
    </tr>
  );
}

export function AuditLogPage() {
  const log = useAuditLog();
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Security-relevant actions in this workspace, newest first."
      />
      {log.isPending ? (
        <LoadingState label="Loading the audit log…" />
      ) : !log.data ? (
        <ErrorState
          error={log.error}
          title="Could not load the audit log"
          onRetry={() => void log.refetch()}
        />
      ) : entries.length === 0 ? (
        <EmptyState title="Nothing recorded yet">
          Sign-ins, invitations and role changes will appear here.
        </EmptyState>
      ) : (
        <div className="space-y-4">
          <TableFrame label="Audit log">
            <table className="min-w-[40rem] divide-y divide-slate-200 lg:min-w-full dark:divide-slate-800">
              <caption className="sr-only">Audit log entries</caption>
              <thead className="bg-slate-50 dark:bg-slate-800/50">
                <tr>
                  <th scope="col" className={th}>
                    Time
                  </th>
                  <th scope="col" className={th}>
                    Actor
                  </th>
                  <th scope="col" className={th}>
                    Action
                  </th>
                  <th scope="col" className={th}>
                    Resource
                  </th>
                  <th scope="col" className={th}>
                    Result
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                {entries.map((entry) => (
                  <AuditRow key={entry.id} entry={entry} />
                ))}
              </tbody>
            </table>
          </TableFrame>
          {log.isError && <Alert tone="error">{errorMessage(log.error)}</Alert>}
          {log.hasNextPage ? (
            <Button
              variant="secondary"
              loading={log.isFetchingNextPage}
              onClick={() => void log.fetchNextPage()}
            >
              Load more
            </Button>
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              That's everything ({entries.length} entries).
            </p>
          )}
        </div>
      )}
    </>
  );
}
