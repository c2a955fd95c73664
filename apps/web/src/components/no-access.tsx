import { TextLink } from './text-link.tsx';

export function NoAccess() {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-2xl font-semibold text-slate-900 dark:text-white">
        You don't have access to this page
      </h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        Your role in this workspace does not include it. Ask a workspace admin if you need it.
      </p>
      <p className="mt-6">
        <TextLink to="/">Go to the dashboard</TextLink>
      </p>
    </div>
  );
}
