import { Link, type LinkProps } from 'react-router';
import { cn } from '../lib/cn.ts';

export const linkClass =
  'font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:text-indigo-300';

export function TextLink({ className, ...rest }: LinkProps) {
  return <Link className={cn(linkClass, className)} {...rest} />;
}
