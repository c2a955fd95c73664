import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RealtimeIndicator } from '../../components/realtime-indicator.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useChannels } from '../channels/channels-api.ts';
import { channelIndex } from './lead-channel.tsx';
import { hasLeadFilters, type LeadListQuery, readLeadQuery, toSearchParams } from './lead-filters.ts';
import { LeadFiltersBar } from './lead-filters-bar.tsx';
import { LeadSearchBox } from './lead-search-box.tsx';
import { useLeadStats, useLeads } from './leads-api.ts';
import { LeadsTable } from './leads-table.tsx';

export function LeadsPage() {
  const [params, setParams] = useSearchParams();
  const query = readLeadQuery(params);
  const leads = useLeads(query);
  const stats = useLeadStats();
  // Only to name each lead's channel: the table still works if this fails.
  const channels = useChannels();
  const items = leads.data?.pages.flatMap((page) => page.items) ?? [];

  const update = useCallback(
    (change: Partial<LeadListQuery>) => {
      setParams((current) => toSearchParams({ ...readLeadQuery(current), ...change }), {
        replace: 'q' in change,
      });
    },
    [setParams],
  );

  return (
    <>
      <PageHeader
        title="Leads"
        description="Everyone who wrote to you, scored HOT, WARM or COLD from what they said."
        actions={<RealtimeIndicator />}
      />
      <div className="space-y-4">
        <LeadFiltersBar query={query} stats={stats.data} onChange={update}>
          <LeadSearchBox value={query.q} onSearch={(q) => update({ q })} />
        </LeadFiltersBar>
        {leads.isPending ? (
          <LoadingState label="Loading leads…" />
        ) : !leads.data ? (
          <ErrorState
            error={leads.error}
            title="Could not load the leads"
            onRetry={() => void leads.refetch()}
          />
        ) : items.length === 0 ? (
          hasLeadFilters(query) ? (
            <EmptyState title="No leads match">
              <TextLink to={query.sort === 'score' ? '/leads?sort=score' : '/leads'}>
                Clear the filters
              </TextLink>
            </EmptyState>
          ) : (
            <EmptyState title="No leads yet">
              Every customer who writes on a connected <TextLink to="/channels">channel</TextLink> becomes a
              lead, scored from their messages. Try the{' '}
              <TextLink to="/simulator">customer simulator</TextLink>.
            </EmptyState>
          )
        ) : (
          <>
            <LeadsTable
              leads={items}
              channels={channelIndex(channels.data)}
              sort={query.sort}
              onSort={(sort) => update({ sort })}
            />
            {leads.isError && <Alert tone="error">{errorMessage(leads.error)}</Alert>}
            {leads.hasNextPage ? (
              <Button
                variant="secondary"
                loading={leads.isFetchingNextPage}
                onClick={() => void leads.fetchNextPage()}
              >
                Load more
              </Button>
            ) : (
              <p className="text-sm text-slate-600 dark:text-slate-400">
                {items.length === 1 ? 'That is the only lead' : `That's all ${items.length} leads`}
                {hasLeadFilters(query) ? ' matching the filters.' : '.'}
              </p>
            )}
          </>
        )}
      </div>
    </>
  );
}
