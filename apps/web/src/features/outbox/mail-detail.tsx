import type { OutboxMailDto } from '@replyforce/contracts';
import { useEffect, useRef } from 'react';
import { TextLink } from '../../components/text-link.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { LinkifiedText } from './linkified-text.tsx';
import { MailStatusBadge } from './mail-status-badge.tsx';

export function MailDetail({ mail }: { mail: OutboxMailDto }) {
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Opening a mail moves focus to it, so keyboard and screen-reader users land on what they chose.
  // The page keys this component by mail id, so this runs once per opened mail.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <article
      aria-labelledby="mail-subject"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6 dark:border-slate-800 dark:bg-slate-900"
    >
      <p className="mb-3 lg:hidden">
        <TextLink to="/outbox">← All mail</TextLink>
      </p>
      <h2
        id="mail-subject"
        ref={headingRef}
        tabIndex={-1}
        className="text-lg font-semibold text-slate-900 outline-none dark:text-white"
      >
        {mail.subject}
      </h2>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-600 dark:text-slate-400">To</dt>
        <dd className="break-all text-slate-900 dark:text-white">{mail.to}</dd>
        <dt className="text-slate-600 dark:text-slate-400">Sent</dt>
        <dd className="text-slate-900 dark:text-white">
          <time dateTime={mail.createdAt}>{formatDateTime(mail.createdAt)}</time>
        </dd>
        <dt className="text-slate-600 dark:text-slate-400">Status</dt>
        <dd>
          <MailStatusBadge status={mail.status} />
        </dd>
      </dl>
      <div
        data-testid="mail-body"
        className="mt-5 border-t border-slate-200 pt-5 text-sm leading-relaxed break-words whitespace-pre-wrap text-slate-800 dark:border-slate-800 dark:text-slate-200"
      >
        <LinkifiedText text={mail.text} />
      </div>
    </article>
  );
}
