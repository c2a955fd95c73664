import { useId } from 'react';
import { Badge } from '../../components/badge.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useMembers } from '../team/team-api.ts';
import { signalLabel } from './lead-labels.ts';
import type { LeadScoreEvent } from './leads-api.ts';
import { type ChartBox, chartPoints, describeScores, scoreToY, stepPath } from './score-chart.ts';

const BOX: ChartBox = { width: 320, height: 120, padding: 10 };

function ScoreChart({
  events,
  thresholds,
}: {
  events: LeadScoreEvent[];
  thresholds: { hot: number; warm: number } | undefined;
}) {
  const captionId = useId();
  const scores = events.map((event) => event.score);
  const points = chartPoints(scores, BOX);
  return (
    <figure aria-labelledby={captionId} className="space-y-1">
      <svg
        viewBox={`0 0 ${BOX.width} ${BOX.height}`}
        role="img"
        aria-label={describeScores(scores)}
        className="h-32 w-full text-indigo-600 dark:text-indigo-400"
        preserveAspectRatio="none"
      >
        <rect
          x="0"
          y="0"
          width={BOX.width}
          height={BOX.height}
          className="fill-slate-50 dark:fill-slate-800/50"
        />
        {thresholds &&
          [
            { value: thresholds.hot, label: 'HOT', className: 'stroke-red-400' },
            { value: thresholds.warm, label: 'WARM', className: 'stroke-amber-400' },
          ].map((line) => (
            <line
              key={line.label}
              x1="0"
              x2={BOX.width}
              y1={scoreToY(line.value, BOX)}
              y2={scoreToY(line.value, BOX)}
              strokeDasharray="4 4"
              vectorEffect="non-scaling-stroke"
              className={line.className}
            />
          ))}
        <path
          d={stepPath(points)}
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          vectorEffect="non-scaling-stroke"
        />
        {/* Dots as zero-length round-capped strokes: they stay round however the chart stretches. */}
        <path
          d={points.map((point) => `M${point.x},${point.y}h0`).join(' ')}
          stroke="currentColor"
          strokeWidth="7"
          strokeLinecap="round"
          vectorEffect="non-scaling-stroke"
        />
      </svg>
      <figcaption id={captionId} className="text-xs text-slate-600 dark:text-slate-400">
        Score after each change, oldest on the left
        {thresholds ? `; dashed lines: HOT from ${thresholds.hot}, WARM from ${thresholds.warm}` : ''}.
      </figcaption>
    </figure>
  );
}

function reasonText(event: LeadScoreEvent, names: Map<string, string>): string {
  if (event.reason === 'message') return 'Scored from a customer message';
  const who = (event.actorUserId && names.get(event.actorUserId)) || 'a team member';
  if (event.signals.includes('manual_tag_cleared')) return `Tag handed back to scoring by ${who}`;
  return `Tag set to ${event.tag} by ${who}`;
}

function change(before: string | number | null, after: string | number): string {
  return before === null || before === after ? String(after) : `${before} → ${after}`;
}

export function ScoreHistory({
  events,
  thresholds,
}: {
  events: LeadScoreEvent[];
  thresholds: { hot: number; warm: number } | undefined;
}) {
  const members = useMembers();
  const names = new Map((members.data ?? []).map((member) => [member.userId, member.name]));
  if (events.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">No score changes recorded yet.</p>;
  }
  const newestFirst = [...events].reverse();
  return (
    <div className="space-y-4">
      <ScoreChart events={events} thresholds={thresholds} />
      <ol aria-label="Score changes, newest first" className="space-y-3">
        {newestFirst.map((event) => (
          <li key={event.id} className="border-l-2 border-slate-200 pl-3 dark:border-slate-700">
            <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
              <p className="text-sm font-medium text-slate-900 dark:text-white">
                Score {change(event.previousScore, event.score)} · {change(event.previousTag, event.tag)}
              </p>
              <time dateTime={event.createdAt} className="text-xs text-slate-600 dark:text-slate-400">
                {formatDateTime(event.createdAt)}
              </time>
            </div>
            <p className="text-sm text-slate-700 dark:text-slate-300">{reasonText(event, names)}</p>
            {event.reason === 'message' && event.signals.length > 0 && (
              <ul aria-label="Signals" className="mt-1 flex flex-wrap gap-1">
                {event.signals.map((signal) => (
                  <li key={signal}>
                    <Badge>{signalLabel(signal)}</Badge>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
