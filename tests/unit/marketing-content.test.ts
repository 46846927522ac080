import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { locales } from '~/i18n/locales';
import { cycleDate, MARKETING_SEGMENTS, SEGMENT_ACTIONS, SEGMENT_FEATURES } from '~/server/domain/marketing/segments';
import { pickFeature, renderDraft, resolveLocale } from '~/server/domain/marketing/content';
import en from '../../messages/en.json';

/** Pure parts of the marketing cycle (SPEC J2): cycle date, locale, feature choice, content. */
describe('marketing content (SPEC J2)', () => {
  it('dates a cycle in Europe/London', () => {
    expect(cycleDate(new Date('2031-06-15T23:30:00Z'))).toBe('2031-06-16'); // BST
    expect(cycleDate(new Date('2031-06-15T22:59:59Z'))).toBe('2031-06-15');
    expect(cycleDate(new Date('2031-12-15T23:30:00Z'))).toBe('2031-12-15'); // GMT
    expect(cycleDate(new Date('2031-01-01T00:00:00Z'))).toBe('2031-01-01');
  });

  it('resolves a tenant locale to a supported one, else English', () => {
    expect(resolveLocale('de')).toBe('de');
    expect(resolveLocale('pt-BR')).toBe('pt');
    expect(resolveLocale('JA')).toBe('ja');
    expect(resolveLocale('xx')).toBe('en');
    expect(resolveLocale('')).toBe('en');
    expect(resolveLocale(null)).toBe('en');
  });

  it('picks a feature deterministically from the segment’s list, using all of it', () => {
    for (const segment of MARKETING_SEGMENTS) {
      const id = randomUUID();
      expect(pickFeature(segment, id)).toBe(pickFeature(segment, id));
      const seen = new Set(Array.from({ length: 200 }, () => pickFeature(segment, randomUUID())));
      expect([...seen].sort()).toEqual([...SEGMENT_FEATURES[segment]].sort());
    }
  });

  it('has a name in the catalog for every feature used, and uses every feature named', () => {
    const used = new Set(Object.values(SEGMENT_FEATURES).flat());
    expect([...used].sort()).toEqual(Object.keys(en.MarketingEmails.features).sort());
    expect(Object.keys(en.MarketingEmails).filter((k) => k !== 'features').sort()).toEqual(Object.values(SEGMENT_ACTIONS).sort());
  });

  it.each(locales)('renders every e-mail in %s, naming the tenant and the feature', (locale) => {
    for (const segment of MARKETING_SEGMENTS) {
      const tenantId = randomUUID();
      const draft = renderDraft({ tenantId, tenantName: 'Acme {Ops} & Co', segment, locale });
      expect(draft.locale).toBe(locale);
      expect(draft.action).toBe(SEGMENT_ACTIONS[segment]);
      expect(draft.feature).toBe(pickFeature(segment, tenantId));
      for (const text of [draft.subject, draft.body]) {
        expect(text).toContain('Acme {Ops} & Co');
        expect(text.replace('Acme {Ops} & Co', '')).not.toMatch(/[{}]/);
      }
      expect(draft.subject.length).toBeLessThan(120);
      expect(draft.body.length).toBeGreaterThan(200);
      // Prices are locked and discounts are never offered by e-mail.
      expect(`${draft.subject} ${draft.body}`).not.toMatch(/[£$€%]|\b\d+\s*(GBP|EUR|USD)\b/);
    }
  });

  it('does not talk about discounts or prices in English', () => {
    const text = JSON.stringify(en.MarketingEmails).toLowerCase();
    for (const word of ['discount', 'price', 'coupon', 'offer', 'free', '% off', 'save £']) expect(text).not.toContain(word);
  });
});
