import { TextLink } from './text-link.tsx';

export function NotFoundPage() {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <p className="text-sm font-semibold text-indigo-700 dark:text-indigo-300">404</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900 dark:text-white">Page not found</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        The page you asked for does not exist or has moved.
      </p>
      <p className="mt-6">
        <TextLink to="/">Go to the dashboard</TextLink>
      </p>
    </div>
  );
}
