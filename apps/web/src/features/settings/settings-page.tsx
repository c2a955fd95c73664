import type { Permission } from '@replyforce/contracts';
import { type ComponentType, useEffect, useRef } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { focusRing } from '../../components/button.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { cn } from '../../lib/cn.ts';
import { useSession } from '../auth/use-session.ts';
import { AutoReplySection } from './auto-reply-section.tsx';
import { BrandVoiceSection } from './brand-voice-section.tsx';
import { KnowledgeSection } from './knowledge-section.tsx';
import { LlmSection } from './llm-section.tsx';
import { SECTION_HEADING_ID, SectionHeading } from './section-parts.tsx';
import { TemplatesSection } from './templates-section.tsx';

function TeamSection() {
  const { permissions } = useSession();
  return (
    <section aria-labelledby={SECTION_HEADING_ID}>
      <SectionHeading title="Team and access" description="Who works in this workspace and what they did." />
      <ul className="space-y-3 text-sm">
        {permissions.includes('read:team') && (
          <li>
            <TextLink to="/team">Team and roles</TextLink>
            <p className="text-slate-600 dark:text-slate-400">
              Members, their roles (admin, manager, agent, viewer) and invitations.
            </p>
          </li>
        )}
        {permissions.includes('read:audit_logs') && (
          <li>
            <TextLink to="/audit-log">Audit log</TextLink>
            <p className="text-slate-600 dark:text-slate-400">
              Sign-ins, role changes and settings changes, newest first.
            </p>
          </li>
        )}
      </ul>
    </section>
  );
}

interface Section {
  slug: string;
  label: string;
  /** Who sees the section at all; the others read it and only some roles may change it. */
  permission?: Permission;
  Component: ComponentType;
}

const SECTIONS: readonly Section[] = [
  { slug: 'brand-voice', label: 'Brand voice', Component: BrandVoiceSection },
  { slug: 'auto-reply', label: 'Auto-reply rules', Component: AutoReplySection },
  { slug: 'knowledge', label: 'Knowledge base', Component: KnowledgeSection },
  { slug: 'templates', label: 'Reply templates', Component: TemplatesSection },
  // The server answers the model settings only to those who may change them.
  { slug: 'ai-provider', label: 'Language model', permission: 'manage:ai_settings', Component: LlmSection },
  { slug: 'team', label: 'Team and access', permission: 'read:team', Component: TeamSection },
];

/** /settings/:section — one page, one section at a time, each with its own address. */
export function SettingsPage() {
  const { section: slug } = useParams();
  const { permissions } = useSession();
  const sections = SECTIONS.filter((s) => !s.permission || permissions.includes(s.permission));
  const active = sections.find((s) => s.slug === slug);
  if (!active) return <Navigate to={`/settings/${sections[0]?.slug ?? 'brand-voice'}`} replace />;
  return <SettingsLayout sections={sections} active={active} />;
}

function SettingsLayout({ sections, active }: { sections: readonly Section[]; active: Section }) {
  const navRef = useRef<HTMLElement>(null);
  const slug = active.slug;
  // On a phone the section tabs scroll sideways: keep the open one in sight.
  useEffect(() => {
    navRef.current
      ?.querySelector(`a[href="/settings/${slug}"]`)
      ?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [slug]);
  const { Component } = active;
  return (
    <>
      <PageHeader title="Settings" description="How the AI answers, what it knows, and who can change it." />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[12rem_minmax(0,1fr)]">
        <nav ref={navRef} aria-label="Settings sections" className="min-w-0">
          <ul className="flex gap-1 overflow-x-auto pb-1 lg:flex-col lg:pb-0">
            {sections.map((s) => {
              const current = s.slug === active.slug;
              return (
                <li key={s.slug} className="shrink-0">
                  <Link
                    to={`/settings/${s.slug}`}
                    aria-current={current ? 'page' : undefined}
                    className={cn(
                      'block rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap',
                      current
                        ? 'bg-indigo-50 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200'
                        : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800',
                      focusRing,
                    )}
                  >
                    {s.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <div className="min-w-0">
          <Component key={active.slug} />
        </div>
      </div>
    </>
  );
}
