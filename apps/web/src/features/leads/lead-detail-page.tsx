import type { ConversationStatusId } from '@replyforce/contracts';
import { Link, useParams } from 'react-router';
import { Badge } from '../../components/badge.tsx';
import { focusRing } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { RealtimeIndicator } from '../../components/realtime-indicator.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { isApiError } from '../../lib/api.ts';
import { cn } from '../../lib/cn.ts';
import { formatDateTime, formatRelative } from '../../lib/format.ts';
import { useNow } from '../../lib/use-now.ts';
import { useCan } from '../auth/use-session.ts';
import { useChannels } from '../channels/channels-api.ts';
import { contactName, LeadTagBadge, STATUS_LABEL, StatusBadge } from '../inbox/conversation-badges.tsx';
import { useAutoReplyRules } from '../settings/settings-api.ts';
import { ManualTagBadge, ScoreMeter } from './lead-badges.tsx';
import { channelIndex, LeadChannel } from './lead-channel.tsx';
import { LeadCrm } from './lead-crm.tsx';
import { intentLabel, signalLabel } from './lead-labels.ts';
import { type LeadDetail, useLead } from './leads-api.ts';
import { ScoreHistory } from './score-history.tsx';
import { TagOverride } from './tag-override.tsx';

function isStatus(value: string): value is ConversationStatusId {
  return value in STATUS_LABEL;
}

function ScoreSummary({ lead }: { lead: LeadDetail }) {
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <ScoreMeter score={lead.score} tag={lead.tag} size="lg" />
        <LeadTagBadge tag={lead.tag} />
        {lead.manualTag && <ManualTagBadge />}
      </div>
      <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-slate-600 dark:text-slate-400">Intent</dt>
          <dd className="font-medium text-slate-900 dark:text-white">{intentLabel(lead.intent)}</dd>
        </div>
        <div>
          <dt className="text-slate-600 dark:text-slate-400">Messages</dt>
          <dd className="font-medium text-slate-900 dark:text-white">{lead.messageCount}</dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="text-slate-600 dark:text-slate-400">Recommended action</dt>
          <dd className="font-medium text-slate-900 dark:text-white">
            {lead.recommendedAction ?? 'None yet'}
          </dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="text-slate-600 dark:text-slate-400">Signals in the latest score</dt>
          <dd className="mt-1">
            {lead.signals.length === 0 ? (
              <span className="text-slate-700 dark:text-slate-300">No buying signals</span>
            ) : (
              <ul aria-label="Signals" className="flex flex-wrap gap-1">
                {lead.signals.map((signal) => (
                  <li key={signal}>
                    <Badge tone="indigo">{signalLabel(signal)}</Badge>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
    </div>
  );
}

function Conversations({ lead }: { lead: LeadDetail }) {
  const now = useNow();
  if (lead.conversations.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">No conversations.</p>;
  }
  return (
    <ul className="divide-y divide-slate-200 dark:divide-slate-800">
      {lead.conversations.map((conversation) => (
        <li key={conversation.id}>
          <Link
            to={`/inbox/${encodeURIComponent(conversation.id)}`}
            className={cn(
              '-mx-2 flex items-center justify-between gap-3 rounded-md px-2 py-2.5 hover:bg-slate-50 dark:hover:bg-slate-800/60',
              focusRing,
            )}
          >
            <span className="text-sm font-medium text-indigo-700 dark:text-indigo-300">
              Open in the inbox
              <span className="sr-only"> (last message {formatDateTime(conversation.lastMessageAt)})</span>
            </span>
            <span className="flex shrink-0 items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
              {isStatus(conversation.status) ? (
                <StatusBadge status={conversation.status} />
              ) : (
                <Badge>{conversation.status}</Badge>
              )}
              <time dateTime={conversation.lastMessageAt} aria-hidden="true">
                {formatRelative(conversation.lastMessageAt, now)}
              </time>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function LeadDetailView({ lead }: { lead: LeadDetail }) {
  const canTag = useCan('write:leads');
  const channels = useChannels();
  const rules = useAutoReplyRules();
  const channel = channelIndex(channels.data).get(lead.contact.channelId);
  const name = contactName(lead.contact);
  return (
    <>
      <div className="mb-6 space-y-2">
        <TextLink to="/leads" className="text-sm">
          <span aria-hidden="true">← </span>All leads
        </TextLink>
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div className="min-w-0">
            <h1 className="break-words text-2xl font-semibold tracking-tight text-slate-900 dark:text-white">
              {name}
            </h1>
            <p className="mt-1 flex flex-wrap items-center gap-x-2 text-sm text-slate-600 dark:text-slate-400">
              {lead.contact.username && lead.contact.name && <span>@{lead.contact.username}</span>}
              <LeadChannel channel={channel} />
              <span>
                First seen <time dateTime={lead.createdAt}>{formatDateTime(lead.createdAt)}</time>
              </span>
            </p>
          </div>
          <RealtimeIndicator />
        </div>
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0 space-y-6">
          <Card title="Score">
            <ScoreSummary lead={lead} />
          </Card>
          <Card title="Score history" description="Every change of score or tag, and what caused it.">
            <ScoreHistory
              events={lead.history}
              thresholds={
                rules.data ? { hot: rules.data.hotThreshold, warm: rules.data.warmThreshold } : undefined
              }
            />
          </Card>
        </div>
        <div className="min-w-0 space-y-6">
          {canTag && (
            <Card title="Tag override">
              <TagOverride lead={lead} />
            </Card>
          )}
          <Card title="Conversations">
            <Conversations lead={lead} />
          </Card>
          {/* LeadDto.crm is absent on servers without CRM sync: then there is nothing to show. */}
          {lead.crm !== undefined && (
            <Card title="CRM">
              <LeadCrm lead={{ ...lead, crm: lead.crm }} />
            </Card>
          )}
        </div>
      </div>
    </>
  );
}

export function LeadDetailPage() {
  const { leadId = '' } = useParams();
  const lead = useLead(leadId);
  if (lead.isPending) return <LoadingState label="Loading the lead…" />;
  if (!lead.data) {
    if (isApiError(lead.error) && (lead.error.status === 404 || lead.error.code === 'VALIDATION_FAILED')) {
      return (
        <EmptyState title="This lead does not exist">
          It may have been erased. <TextLink to="/leads">See all leads</TextLink>
        </EmptyState>
      );
    }
    return (
      <ErrorState error={lead.error} title="Could not load the lead" onRetry={() => void lead.refetch()} />
    );
  }
  return <LeadDetailView lead={lead.data} />;
}
