import { Badge } from '../../components/badge.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.tsx';
import { type ChannelTemplate, isApprovedTemplate, useChannelTemplates } from './channels-api.ts';

function templateTone(template: ChannelTemplate) {
  if (isApprovedTemplate(template)) return 'green';
  return template.status.toUpperCase() === 'REJECTED' ? 'red' : 'amber';
}

/** The message templates of a WhatsApp Business account, as WhatsApp reports them. */
export function TemplatesList({ channelId }: { channelId: string }) {
  const templates = useChannelTemplates(channelId);
  if (templates.isPending) return <LoadingState label="Loading templates…" className="py-3" />;
  if (!templates.data) {
    return (
      <ErrorState
        error={templates.error}
        title="Could not load the templates"
        onRetry={() => void templates.refetch()}
      />
    );
  }
  if (templates.data.length === 0) {
    return (
      <EmptyState title="No message templates">
        Create templates in WhatsApp Manager; approved ones can be sent outside the 24-hour window.
      </EmptyState>
    );
  }
  return (
    <ul className="divide-y divide-slate-200 dark:divide-slate-800" aria-label="Message templates">
      {templates.data.map((template) => (
        <li key={`${template.name}:${template.language}`} className="py-2.5">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-mono text-sm font-medium break-all text-slate-900 dark:text-white">
              {template.name}
            </span>
            <Badge tone={templateTone(template)}>{template.status.toLowerCase().replace(/_/g, ' ')}</Badge>
            <span className="text-xs text-slate-600 dark:text-slate-400">
              {template.language} · {template.category.toLowerCase()}
            </span>
          </div>
          <p className="mt-1 text-sm whitespace-pre-wrap text-slate-700 dark:text-slate-300">
            {template.body}
          </p>
        </li>
      ))}
    </ul>
  );
}
