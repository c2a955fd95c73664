import { NavLink, useLocation } from 'react-router';
import { useSession } from '../features/auth/use-session.ts';
import { cn } from '../lib/cn.ts';
import { focusRing } from './button.tsx';
import { allowedNavItems } from './nav-items.ts';

/** One landmark for every width: a scrollable tab row on phones, a sidebar from `lg` up. */
export function MainNav() {
  const { permissions } = useSession();
  const items = allowedNavItems(permissions);
  const current = activeItem(useLocation().pathname, items);
  return (
    <nav
      aria-label="Main"
      className="border-b border-slate-200 bg-white lg:w-56 lg:shrink-0 lg:border-r lg:border-b-0 dark:border-slate-800 dark:bg-slate-900"
    >
      <ul className="flex gap-1 overflow-x-auto px-2 py-2 lg:flex-col lg:px-3 lg:py-4">
        {items.map((item) => (
          <li key={item.to} className="shrink-0">
            <NavLink
              to={item.to}
              aria-current={item.to === current ? 'page' : undefined}
              className={() =>
                cn(
                  'block rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap',
                  item.to === current
                    ? 'bg-indigo-50 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200'
                    : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800',
                  focusRing,
                )
              }
            >
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The item the page belongs to: the longest `to` the path is under (/settings/crm is CRM, not Settings). */
export function activeItem(pathname: string, items: readonly { to: string }[]): string | undefined {
  let best: string | undefined;
  for (const { to } of items)
    if ((pathname === to || pathname.startsWith(`${to}/`)) && (!best || to.length > best.length)) best = to;
  return best;
}
