import type { ChannelDto } from '@replyforce/contracts';
import { useMemo, useState } from 'react';
import { Alert } from '../../components/alert.tsx';
import { Card } from '../../components/card.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { PLATFORM_INFO } from '../../lib/platforms.ts';
import { useCan, useSession } from '../auth/use-session.ts';
import { useChannels } from '../channels/channels-api.ts';
import { useConversations } from '../inbox/inbox-api.ts';
import { AccountPicker, accountKey } from './account-picker.tsx';
import { ComposeForm } from './compose-form.tsx';
import { CustomerThread } from './customer-thread.tsx';
import { newCustomer, recentCustomers, rememberCustomer } from './customers.ts';
import {
  isSandboxOff,
  type SandboxAccount,
  type SandboxCustomer,
  useSandboxAccounts,
} from './sandbox-api.ts';

function channelFor(account: SandboxAccount, channels: ChannelDto[]): ChannelDto | undefined {
  return channels.find(
    (channel) =>
      channel.platform === account.platform &&
      channel.accountId === account.accountId &&
      channel.status !== 'disconnected',
  );
}

function SandboxOff() {
  return (
    <Alert tone="warning" title="The sandbox is off on this server">
      The customer simulator writes through the sandbox, which stands in for Facebook, Instagram, WhatsApp and
      X. Start the server with <code className="font-mono">SANDBOX=true</code> (the default when it runs on
      its embedded database) to use it.
    </Alert>
  );
}

/** Customers who already wrote to this workspace on the channel, from the inbox. */
function useKnownCustomers(channel: ChannelDto | undefined, platform: SandboxAccount['platform']) {
  const conversations = useConversations({ platform });
  const channelId = channel?.id;
  const pages = conversations.data?.pages;
  return useMemo(() => {
    const seen = new Map<string, SandboxCustomer>();
    for (const page of pages ?? []) {
      for (const conversation of page.items) {
        const { contact } = conversation;
        if (conversation.channelId !== channelId || seen.has(contact.platformUserId)) continue;
        seen.set(contact.platformUserId, {
          id: contact.platformUserId,
          ...(contact.name ? { name: contact.name } : {}),
          ...(contact.username ? { username: contact.username } : {}),
          ...(platform === 'whatsapp' ? { phone: contact.platformUserId } : {}),
        });
      }
    }
    return [...seen.values()];
  }, [pages, channelId, platform]);
}

/** Everything about writing as a customer on one account; remounted when the account changes. */
function AccountWorkspace({
  account,
  channel,
}: {
  account: SandboxAccount;
  channel: ChannelDto | undefined;
}) {
  const [recent, setRecent] = useState(() => recentCustomers(account.platform, account.accountId));
  const [customer, setCustomer] = useState<SandboxCustomer>(() => recent[0] ?? newCustomer(account.platform));
  const fromInbox = useKnownCustomers(channel, account.platform);
  const known = useMemo(() => {
    const byId = new Map<string, SandboxCustomer>();
    for (const c of [...recent, ...fromInbox]) if (!byId.has(c.id)) byId.set(c.id, c);
    return [...byId.values()];
  }, [recent, fromInbox]);
  const customerId = customer.id.trim();

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card
        title="Write as a customer"
        description={`On ${PLATFORM_INFO[account.platform].label}, to ${account.name}.`}
      >
        {!channel && (
          <Alert tone="warning" className="mb-4">
            This account is not connected to your workspace: the message reaches the sandbox but not your
            inbox. Connect it on the <TextLink to="/channels">Channels</TextLink> page.
          </Alert>
        )}
        <ComposeForm
          platform={account.platform}
          accountId={account.accountId}
          customer={customer}
          onCustomerChange={setCustomer}
          knownCustomers={known}
          onSent={(sent) => {
            rememberCustomer(account.platform, account.accountId, sent);
            setRecent(recentCustomers(account.platform, account.accountId));
          }}
        />
      </Card>
      <CustomerThread
        target={customerId ? { platform: account.platform, accountId: account.accountId, customerId } : null}
        platform={account.platform}
        business={account.name}
        customerName={customer.name ?? ''}
      />
    </div>
  );
}

export function SimulatorPage() {
  const { tenant } = useSession();
  const canReadChannels = useCan('read:conversations');
  const accounts = useSandboxAccounts();
  const channels = useChannels({ enabled: canReadChannels });
  const [chosen, setChosen] = useState<string | null>(null);
  const list = accounts.data ?? [];
  const connected = channels.data ?? [];
  const isConnected = (account: SandboxAccount) => channelFor(account, connected) !== undefined;
  // Until someone picks, the first account connected here (else the first one) is selected.
  const selected =
    list.find((account) => accountKey(account) === chosen) ??
    (canReadChannels && channels.isPending ? undefined : (list.find(isConnected) ?? list[0]));

  return (
    <>
      <PageHeader
        title="Customer simulator"
        description={`Write to ${tenant.name} as a customer would, through the sandbox's stand-in for each platform, and watch the replies arrive.`}
      />
      {accounts.isPending ? (
        <LoadingState label="Loading the sandbox accounts…" />
      ) : isSandboxOff(accounts.error) ? (
        <SandboxOff />
      ) : !accounts.data ? (
        <ErrorState
          error={accounts.error}
          title="Could not reach the sandbox"
          onRetry={() => void accounts.refetch()}
        />
      ) : list.length === 0 ? (
        <EmptyState title="The sandbox has no accounts">
          Its accounts are created when the server starts with the sandbox on.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <Card>
            <AccountPicker
              accounts={list}
              isConnected={isConnected}
              value={selected ? accountKey(selected) : null}
              onChange={setChosen}
            />
          </Card>
          {selected ? (
            <AccountWorkspace
              key={accountKey(selected)}
              account={selected}
              channel={channelFor(selected, connected)}
            />
          ) : (
            <LoadingState label="Checking which accounts are connected…" />
          )}
        </div>
      )}
    </>
  );
}
