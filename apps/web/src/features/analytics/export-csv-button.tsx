import type { AnalyticsReport } from '@replyforce/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button } from '../../components/button.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useCan } from '../auth/use-session.ts';
import { downloadAnalyticsCsv } from './analytics-api.ts';
import type { DateRange } from './date-range.ts';

/** "Download CSV" for one report; only for roles that may export (export:analytics). */
export function ExportCsvButton({
  report,
  range,
  what,
}: {
  report: AnalyticsReport;
  range: DateRange;
  /** Completes the accessible name: "Download CSV: response times". */
  what: string;
}) {
  const allowed = useCan('export:analytics');
  const download = useMutation({ mutationFn: () => downloadAnalyticsCsv(report, range) });
  if (!allowed) return null;
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        variant="secondary"
        size="sm"
        loading={download.isPending}
        aria-label={`Download CSV: ${what}`}
        onClick={() => download.mutate()}
      >
        Download CSV
      </Button>
      {download.isError && (
        <p role="alert" className="max-w-[16rem] text-right text-xs text-red-700 dark:text-red-400">
          {errorMessage(download.error)}
        </p>
      )}
    </div>
  );
}
