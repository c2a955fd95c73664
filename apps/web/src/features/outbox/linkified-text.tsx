import { Fragment, useMemo } from 'react';
import { linkClass } from '../../components/text-link.tsx';
import { linkify } from '../../lib/linkify.ts';

/** Plain text with its http(s) URLs as links. Nothing else is interpreted: the text is never HTML. */
export function LinkifiedText({ text }: { text: string }) {
  const parts = useMemo(() => linkify(text), [text]);
  return (
    <>
      {parts.map((part) =>
        part.kind === 'link' ? (
          // noreferrer: invitation and reset links carry secrets that must not leak as a Referer.
          <a
            key={part.start}
            href={part.href}
            target="_blank"
            rel="noopener noreferrer"
            className={`${linkClass} break-all`}
          >
            {part.href}
          </a>
        ) : (
          <Fragment key={part.start}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
