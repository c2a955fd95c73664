import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';

const FX = '/tmp/rf-try/fx';
const read = (name: string) => JSON.parse(readFileSync(`${FX}/${name}`, 'utf8'));
const session = read('session.json');
const ROLE = (process.env.SMOKE_ROLE ?? 'admin') as 'admin' | 'viewer';
const perms =
  ROLE === 'viewer'
    ? ['read:dashboard', 'read:conversations', 'read:leads', 'read:analytics', 'read:team']
    : session.permissions;
const tenantKey = ['tenant', session.tenant.id] as const;

vi.mock('../features/auth/use-session.ts', () => ({
  useSession: () => ({ ...session, permissions: perms }),
  useSessionState: () => ({ status: 'authenticated', session }),
  useCan: (p: string) => perms.includes(p),
  useTenantKey: () => tenantKey,
}));
vi.mock('../lib/realtime.ts', async (orig) => ({
  ...(await orig<typeof import('../lib/realtime.ts')>()),
  useRealtimeStatus: () => 'live',
}));
vi.mock('../lib/use-document-visible.ts', () => ({ useDocumentVisible: () => true }));

function render(path: string, route: string, element: ReactNode, fill: (qc: QueryClient) => void): string {
  const qc = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } });
  fill(qc);
  return renderToString(
    <QueryClientProvider client={qc}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path={route} element={element} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('pages render with real data', () => {
  it('inbox with each conversation', async () => {
    const { InboxPage } = await import('../features/inbox/inbox-page.tsx');
    const { conversationKeys, channelKeys } = await import('../lib/query-keys.ts');
    const conversations = read('conversations.json');
    for (const file of readdirSync(FX).filter((f) => f.startsWith('detail-'))) {
      const detail = read(file);
      const id = detail.conversation.id;
      const html = render(`/inbox/${id}`, '/inbox/:conversationId?', <InboxPage />, (qc) => {
        qc.setQueryData(conversationKeys.list(tenantKey, {}), { pages: [conversations], pageParams: [''] });
        qc.setQueryData(conversationKeys.detail(tenantKey, id), detail);
        qc.setQueryData([...tenantKey, 'team', 'members'], read('members.json'));
        qc.setQueryData(channelKeys.templates(tenantKey, detail.conversation.channelId), read('templates.json'));
      });
      writeFileSync(`/tmp/rf-try/inbox-${ROLE}-${detail.conversation.platform}-${detail.conversation.kind}.html`, html);
      console.log(`--- ${detail.conversation.platform} ${detail.conversation.kind}\n${text(html)}`);
      expect(html).toContain('Inbox');
    }
  });

  it('channels', async () => {
    const { ChannelsPage } = await import('../features/channels/channels-page.tsx');
    const { channelKeys } = await import('../lib/query-keys.ts');
    const channels = read('channels.json');
    const html = render('/channels', '/channels', <ChannelsPage />, (qc) => {
      qc.setQueryData(channelKeys.list(tenantKey), channels);
      for (const c of channels.items) qc.setQueryData(channelKeys.templates(tenantKey, c.id), read('templates.json'));
    });
    console.log(text(html));
  });

  it('simulator', async () => {
    const { SimulatorPage } = await import('../features/simulator/simulator-page.tsx');
    const { channelKeys, conversationKeys } = await import('../lib/query-keys.ts');
    const html = render('/simulator', '/simulator', <SimulatorPage />, (qc) => {
      qc.setQueryData(channelKeys.list(tenantKey), read('channels.json'));
      qc.setQueryData([...tenantKey, 'sandbox', 'accounts'], read('accounts.json').accounts);
      qc.setQueryData(conversationKeys.list(tenantKey, { platform: 'facebook' }), {
        pages: [read('conversations.json')],
        pageParams: [''],
      });
    });
    console.log(text(html));
  });

  it('callback', async () => {
    const { ConnectCallbackPage } = await import('../features/channels/connect-callback-page.tsx');
    vi.stubGlobal('window', { location: { search: '' } });
    const html = render('/channels/callback/instagram', '/channels/callback/:platform', <ConnectCallbackPage />, () => {});
    console.log(text(html));
    vi.unstubAllGlobals();
  });
});
