import { useState } from 'react';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';

/** The recovery codes, shown once right after they were made: the server keeps only their hashes. */
export function RecoveryCodesPanel({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }

  return (
    <div className="space-y-3">
      <Alert tone="warning" title="Save these recovery codes now">
        Each code signs you in once if you lose your authenticator. They will not be shown again.
      </Alert>
      <ul
        aria-label="Recovery codes"
        className="grid grid-cols-1 gap-2 rounded-lg border border-slate-200 p-3 font-mono text-sm text-slate-900 min-[360px]:grid-cols-2 dark:border-slate-700 dark:text-white"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="secondary" onClick={copy}>
          Copy codes
        </Button>
        <Button onClick={onDone}>I have saved them</Button>
        <span role="status" className="text-sm text-slate-600 dark:text-slate-400">
          {copied === 'yes'
            ? 'Copied to the clipboard.'
            : copied === 'failed'
              ? 'Copy failed; select the codes instead.'
              : ''}
        </span>
      </div>
    </div>
  );
}
