import { findAccount, WABA_ID } from '../accounts.ts';
import type { Platform } from '../types.ts';

/** The permissions each product asks for (docs/channel-contracts.md, Meta OAuth). */
export const META_SCOPES: Record<Exclude<Platform, 'x'>, string[]> = {
  facebook: ['pages_messaging', 'pages_manage_metadata', 'pages_read_engagement', 'pages_manage_engagement'],
  instagram: [
    'instagram_basic',
    'instagram_manage_messages',
    'instagram_manage_comments',
    'pages_show_list',
    'pages_messaging',
  ],
  whatsapp: ['whatsapp_business_management', 'whatsapp_business_messaging'],
};

/** The product a consent request is for, decided by its `scope` like the real dialog's permission screens. */
export function productOfScope(scope: string): Exclude<Platform, 'x'> | undefined {
  const asked = scope.split(/[\s,]+/).filter(Boolean);
  if (asked.some((s) => s.startsWith('whatsapp_'))) return 'whatsapp';
  if (asked.some((s) => s.startsWith('instagram_'))) return 'instagram';
  if (asked.some((s) => s.startsWith('pages_'))) return 'facebook';
  return undefined;
}

/** debug_token's `granular_scopes`: which objects each permission was granted on. */
export function granularScopes(platform: Platform, accountIds: string[]) {
  if (platform === 'whatsapp') return META_SCOPES.whatsapp.map((scope) => ({ scope, target_ids: [WABA_ID] }));
  if (platform === 'instagram') {
    const pages = accountIds.map((id) => findAccount('instagram', id)?.pageId ?? id);
    return META_SCOPES.instagram.map((scope) => ({
      scope,
      target_ids: scope.startsWith('instagram_') ? accountIds : pages,
    }));
  }
  return META_SCOPES.facebook.map((scope) => ({ scope, target_ids: accountIds }));
}
