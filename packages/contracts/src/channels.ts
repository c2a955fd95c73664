import { z } from 'zod';

export const PLATFORM_IDS = ['facebook', 'instagram', 'whatsapp', 'x'] as const;
export type PlatformId = (typeof PLATFORM_IDS)[number];
export const CHANNEL_STATUS = ['active', 'needs_reauth', 'disconnected'] as const;

export const ChannelDto = z.object({
  id: z.uuid(),
  platform: z.enum(PLATFORM_IDS),
  /** The platform's id of the account (Page id, Instagram account id, phone_number_id, X user id). */
  accountId: z.string(),
  name: z.string(),
  username: z.string().nullable(),
  extra: z.record(z.string(), z.string()),
  status: z.enum(CHANNEL_STATUS),
  tokenExpiresAt: z.iso.datetime().nullable(),
  lastEventAt: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type ChannelDto = z.infer<typeof ChannelDto>;
export const ChannelList = z.object({ items: z.array(ChannelDto) });

export const ChannelStatusDto = z.object({
  channel: ChannelDto,
  /** Result of a live authenticated call to the platform, made for this request. */
  tokenValid: z.boolean(),
  checkError: z.string().nullable(),
});
export type ChannelStatusDto = z.infer<typeof ChannelStatusDto>;

export const ConnectChannelBody = z.strictObject({ platform: z.enum(PLATFORM_IDS) });
export const ConnectChannelDto = z.object({ authorizeUrl: z.string(), state: z.uuid() });
export type ConnectChannelDto = z.infer<typeof ConnectChannelDto>;

export const CompleteConnectBody = z.strictObject({
  state: z.uuid(),
  code: z.string().min(1).max(2048).optional(),
  /** What the platform put in the redirect when the person said no. */
  error: z.string().max(200).optional(),
});
export const CompleteConnectDto = z.object({ items: z.array(ChannelDto) });

export const TemplateDto = z.object({
  name: z.string(),
  language: z.string(),
  status: z.string(),
  category: z.string(),
  body: z.string(),
});
export const TemplateList = z.object({ items: z.array(TemplateDto) });
