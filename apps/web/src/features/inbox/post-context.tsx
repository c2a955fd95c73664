import type { ConversationDto } from '@replyforce/contracts';
import { linkClass } from '../../components/text-link.tsx';

/** A comment thread's post: its id, text when the platform sent it, and a link to it (permalink). */
export function PostContext({ conversation }: { conversation: ConversationDto }) {
  const post = conversation.post;
  if (!post) return null;
  const id = post.postId ?? post.id ?? null;
  const text = post.text ?? post.caption ?? post.message ?? null;
  const link = [post.permalink, post.permalinkUrl, post.url].find((u) => u && /^https?:\/\//.test(u));
  const what = conversation.platform === 'x' ? 'Mentions in the post' : 'Comments on the post';
  return (
    <figure className="border-b border-slate-200 bg-white px-4 py-3 text-sm dark:border-slate-800 dark:bg-slate-900">
      <figcaption className="text-xs font-medium text-slate-600 dark:text-slate-400">
        {what}
        {id && <span className="font-mono"> {id}</span>}
      </figcaption>
      {text && (
        <blockquote className="mt-1 line-clamp-3 border-l-2 border-slate-300 pl-3 text-slate-800 dark:border-slate-600 dark:text-slate-200">
          {text}
        </blockquote>
      )}
      {link && (
        <a
          href={link}
          target="_blank"
          rel="noopener noreferrer"
          className={`${linkClass} mt-1 inline-block text-xs`}
        >
          Open the post
        </a>
      )}
    </figure>
  );
}
