import { AutoReplyRules, BrandVoice } from '@replyforce/ai';

export type AiSettings = { brandVoice: BrandVoice; autoReply: AutoReplyRules };

/**
 * The AI settings inside `tenants.settings`, defaults filled in. A value that no longer parses
 * (an older shape) falls back to the defaults rather than stopping the pipeline.
 */
export function aiSettingsOf(settings: Record<string, unknown> | null | undefined): AiSettings {
  const voice = BrandVoice.safeParse(settings?.brandVoice ?? {});
  const rules = AutoReplyRules.safeParse(settings?.autoReply ?? {});
  return {
    brandVoice: voice.success ? voice.data : BrandVoice.parse({}),
    autoReply: rules.success ? rules.data : AutoReplyRules.parse({}),
  };
}
