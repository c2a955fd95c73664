import type { PlatformId } from '@replyforce/contracts';

// The contracts' PLATFORM_IDS lives next to zod schemas; this copy keeps zod out of the bundle.
export const PLATFORMS: readonly PlatformId[] = ['facebook', 'instagram', 'whatsapp', 'x'];

export interface PlatformInfo {
  /** Short name for badges and lists. */
  label: string;
  /** What gets connected, for the Channels page. */
  product: string;
  /** What connecting it brings into the inbox. */
  brings: string;
  /** Comment threads exist on this platform (posts on Facebook and Instagram, mentions on X). */
  comments: 'comment' | 'mention' | null;
  /** Business replies are limited to 24 hours after the customer's last message. */
  window: 'templates' | 'human_agent_tag' | null;
}

export const PLATFORM_INFO: Record<PlatformId, PlatformInfo> = {
  facebook: {
    label: 'Facebook',
    product: 'Facebook Page',
    brings: 'Messenger conversations and comments on your Page’s posts.',
    comments: 'comment',
    window: 'human_agent_tag',
  },
  instagram: {
    label: 'Instagram',
    product: 'Instagram professional account',
    brings: 'Direct messages and comments on your posts.',
    comments: 'comment',
    window: 'human_agent_tag',
  },
  whatsapp: {
    label: 'WhatsApp',
    product: 'WhatsApp Business number',
    brings: 'Chats with your business number, with approved templates outside the 24-hour window.',
    comments: null,
    window: 'templates',
  },
  x: {
    label: 'X',
    product: 'X account',
    brings: 'Direct messages and mentions of your account.',
    comments: 'mention',
    window: null,
  },
};

export function isPlatform(value: string | null | undefined): value is PlatformId {
  return typeof value === 'string' && (PLATFORMS as readonly string[]).includes(value);
}

/** "Messenger" for Facebook DMs, the platform's name otherwise. */
export function channelLabel(platform: PlatformId, kind: 'dm' | 'comments' = 'dm'): string {
  return platform === 'facebook' && kind === 'dm' ? 'Messenger' : PLATFORM_INFO[platform].label;
}
