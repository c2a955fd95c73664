import { describe, expect, it } from 'vitest';
import { activeItem } from './main-nav.tsx';

const ITEMS = [{ to: '/inbox' }, { to: '/settings' }, { to: '/settings/crm' }, { to: '/leads' }];

describe('the main navigation', () => {
  it('marks the most specific item the page is under', () => {
    expect(activeItem('/settings/crm', ITEMS)).toBe('/settings/crm');
    expect(activeItem('/settings/brand-voice', ITEMS)).toBe('/settings');
    expect(activeItem('/leads/5e3c', ITEMS)).toBe('/leads');
    expect(activeItem('/inbox', ITEMS)).toBe('/inbox');
  });

  it('marks nothing for a page outside the menu, nor for a mere name prefix', () => {
    expect(activeItem('/leadsboard', ITEMS)).toBeUndefined();
    expect(activeItem('/crm/callback/hubspot', ITEMS)).toBeUndefined();
  });
});
