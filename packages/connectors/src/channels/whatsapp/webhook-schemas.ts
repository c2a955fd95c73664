/** The parts of a WhatsApp `messages` change value we read; unknown fields pass through. */
import { z } from 'zod';
import { EpochMs } from '../webhook-helpers.ts';

const Media = z.looseObject({
  id: z.string().optional(),
  mime_type: z.string().optional(),
  caption: z.string().optional(),
});

const Reply = z.looseObject({ id: z.string().optional(), title: z.string() });

const Contact = z.looseObject({
  wa_id: z.string().optional(),
  /** BSUID (business-scoped user id, 2026). */
  user_id: z.string().optional(),
  profile: z.looseObject({ name: z.string().optional(), username: z.string().optional() }).optional(),
});

export const WaMessage = z.looseObject({
  id: z.string(),
  from: z.string().optional(),
  user_id: z.string().optional(),
  timestamp: EpochMs,
  type: z.string(),
  text: z.looseObject({ body: z.string() }).optional(),
  image: Media.optional(),
  audio: Media.optional(),
  video: Media.optional(),
  document: Media.optional(),
  sticker: Media.optional(),
  interactive: z.looseObject({ button_reply: Reply.optional(), list_reply: Reply.optional() }).optional(),
  button: z.looseObject({ text: z.string().optional(), payload: z.string().optional() }).optional(),
  location: z
    .looseObject({
      latitude: z.number(),
      longitude: z.number(),
      name: z.string().optional(),
      address: z.string().optional(),
    })
    .optional(),
  context: z.looseObject({ id: z.string().optional() }).optional(),
});
export type WaMessage = z.output<typeof WaMessage>;

export const WaStatus = z.looseObject({
  id: z.string(),
  status: z.string(),
  timestamp: EpochMs,
  recipient_id: z.string().optional(),
  /** BSUID of the recipient when the phone is hidden; field name not final at Meta (VERIFY). */
  recipient_user_id: z.string().optional(),
  errors: z
    .array(
      z.looseObject({
        code: z.union([z.number(), z.string()]),
        title: z.string().optional(),
        message: z.string().optional(),
        error_data: z.looseObject({ details: z.string().optional() }).optional(),
      }),
    )
    .optional(),
});
export type WaStatus = z.output<typeof WaStatus>;

export const WaValue = z.looseObject({
  metadata: z.looseObject({ phone_number_id: z.string(), display_phone_number: z.string().optional() }),
  contacts: z.array(Contact).optional(),
  messages: z.array(WaMessage).optional(),
  statuses: z.array(WaStatus).optional(),
});
export type WaValue = z.output<typeof WaValue>;
