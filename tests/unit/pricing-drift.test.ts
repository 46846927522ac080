import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDoc, checkLimitsTable, checkPlanFeatures, checkPricingDrift, extractFigures, formatDriftReport, yearlyMonths } from '~/server/domain/billing/drift';
import { PLAN_FEATURE_BACKING, PLAN_FEATURES, PLANS, TRIAL_TEXT } from '~/server/domain/billing/pricing';
import { locales } from '~/i18n/routing';

/**
 * SPEC B1 drift check: the real catalogs and DEV_SAFETY.md agree with pricing.ts, and a changed
 * price, trial text or SLA in any copy fails with a readable diff. Works on temporary copies.
 */
const root = path.resolve(import.meta.dirname, '../..');
const messagesDir = path.join(root, 'messages');
const devSafety = path.join(root, 'DEV_SAFETY.md');

type Tree = { [k: string]: string | Tree };
function tempCatalogs(edit?: { locale: string; key: string; change: (text: string) => string }): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'levqor-drift-'));
  cpSync(messagesDir, dir, { recursive: true });
  if (edit) {
    const file = path.join(dir, `${edit.locale}.json`);
    const tree = JSON.parse(readFileSync(file, 'utf8')) as Tree;
    const parts = edit.key.split('.');
    let node = tree;
    for (const p of parts.slice(0, -1)) node = node[p] as Tree;
    const last = parts.at(-1)!;
    const before = node[last] as string;
    node[last] = edit.change(before);
    expect(node[last], 'the edit must change the text').not.toBe(before);
    writeFileSync(file, JSON.stringify(tree, null, 2));
  }
  return dir;
}

describe('pricing drift check (SPEC B1)', () => {
  it('passes on the repository’s catalogs and DEV_SAFETY.md', () => {
    const report = checkPricingDrift({ messagesDir, docs: [devSafety] });
    expect(report.problems).toEqual([]);
    expect(report.checked.catalogs).toBe(locales.length);
    expect(formatDriftReport(report)).toMatch(/^Pricing drift check passed/);
  });

  it.each(locales)('fails with a readable diff when a price changes in the %s catalog', (locale) => {
    const dir = tempCatalogs({ locale, key: 'Pricing.metaDescription', change: (s) => s.replace(/(?<![\d.,])90(?!\d)/, '95') });
    const report = checkPricingDrift({ messagesDir: dir });
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({ file: `${locale}.json`, key: 'Pricing.metaDescription', kind: 'figures', expected: '7 9 90 149', actual: '7 9 95 149' }),
    ]);
    const text = formatDriftReport(report);
    expect(text).toContain('Pricing drift check FAILED: 1 problem(s)');
    expect(text).toContain(`${locale}.json  Pricing.metaDescription`);
    expect(text).toContain('expected figures  7 9 90 149');
    expect(text).toContain('found figures     7 9 95 149');
    expect(text).toContain('missing 90; unexpected 95');
  });

  it('fails when the English trial text is not verbatim, showing both lines', () => {
    const dir = tempCatalogs({ locale: 'en', key: 'Home.trialText', change: (s) => s.replace('Card required', 'No card needed') });
    const report = checkPricingDrift({ messagesDir: dir });
    expect(report.problems).toEqual([expect.objectContaining({ file: 'en.json', key: 'Home.trialText', kind: 'text' })]);
    const text = formatDriftReport(report);
    expect(text).toContain(`  - ${TRIAL_TEXT}   (source)`);
    expect(text).toContain('  + 7-day free trial • No card needed • Cancel before Day 7 to avoid charges   (found)');
  });

  it('fails when a translation changes a figure of the trial text or adds a figure of its own', () => {
    const trial = checkPricingDrift({ messagesDir: tempCatalogs({ locale: 'de', key: 'Home.trialText', change: (s) => s.replace('Tag 7', 'Tag 8') }) });
    expect(trial.problems).toEqual([expect.objectContaining({ file: 'de.json', key: 'Home.trialText', expected: '7 7', actual: '7 8' })]);
    // An SLA typed into a catalog instead of coming from pricing.ts through {hours}.
    const sla = checkPricingDrift({ messagesDir: tempCatalogs({ locale: 'fr', key: 'Pricing.sla', change: () => 'Le support répond sous 24 heures' }) });
    expect(sla.problems).toEqual([expect.objectContaining({ file: 'fr.json', key: 'Pricing.sla', kind: 'undeclared', actual: '24' })]);
    const missing = checkPricingDrift({ messagesDir: tempCatalogs({ locale: 'ja', key: 'Pricing.yearlyNote', change: (s) => s.replace('10', '') }) });
    expect(missing.problems).toEqual([expect.objectContaining({ file: 'ja.json', key: 'Pricing.yearlyNote', expected: '10 12', actual: '12' })]);
  });

  it('reads figures the way translations write them', () => {
    expect(extractFigures('£1,490 a year')).toEqual([1490]);
    expect(extractFigures('1.490 £ pro Jahr')).toEqual([1490]);
    expect(extractFigures('1\u202f490 £ par an')).toEqual([1490]);
    expect(extractFigures('£९ प्रति माह')).toEqual([9]);
    expect(extractFigures('７日間')).toEqual([7]);
    expect(extractFigures('{days, plural, =0 {ends today} one {# day left} other {# days left}}')).toEqual([]);
    expect(extractFigures('Support replies within {hours} hours')).toEqual([]);
    expect(yearlyMonths()).toBe(10);
  });

  it('checks the copies in DEV_SAFETY.md', () => {
    expect(checkDoc(devSafety)).toEqual([]);
    const dir = mkdtempSync(path.join(tmpdir(), 'levqor-drift-doc-'));
    const copy = path.join(dir, 'DEV_SAFETY.md');
    writeFileSync(copy, readFileSync(devSafety, 'utf8').replace('590 / 1490', '590 / 1499').replace('12h / 4h', '12h / 8h'));
    const problems = checkDoc(copy);
    expect(problems).toEqual([
      expect.objectContaining({ key: 'yearly prices', expected: '90 / 290 / 590 / 1490', actual: '90 / 290 / 590 / 1499' }),
      expect.objectContaining({ key: 'support SLAs', expected: '48 / 24 / 12 / 4', actual: '48 / 24 / 12 / 8' }),
    ]);
  });
});

describe('usage limits table (SPEC P3)', () => {
  const readme = path.resolve(import.meta.dirname, '../../README.md');
  it("README's table agrees with limits.ts", () => {
    expect(checkLimitsTable(readme)).toEqual([]);
  });

  it('reports a changed figure and a missing plan row', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'levqor-drift-limits-'));
    const file = path.join(dir, 'README.md');
    const text = readFileSync(readme, 'utf8');
    writeFileSync(file, text.replace('| growth | 10,000 |', '| growth | 12,000 |').replace(/^\| business \|.*$/m, ''));
    const problems = checkLimitsTable(file);
    expect(problems).toEqual([
      expect.objectContaining({ key: 'usage limits: growth', kind: 'figures', actual: '12000 / 100000 / 500' }),
      expect.objectContaining({ key: 'usage limits: business', kind: 'missing' }),
    ]);
  });
});

describe('plan feature lists (issue 16 #8)', () => {
  const readme = path.join(root, 'README.md');
  const english = new Map(Object.entries(JSON.parse(readFileSync(path.join(root, 'messages/en.json'), 'utf8')).Pricing.features as Record<string, string>).map(([k, v]) => [`Pricing.features.${k}`, v]));

  it('every feature a plan sells stands for README rows that are done', () => {
    expect(checkPlanFeatures(readme, english)).toEqual([]);
    for (const plan of PLANS) for (const feature of PLAN_FEATURES[plan]) expect(PLAN_FEATURE_BACKING[feature].length).toBeGreaterThan(0);
  });

  it('fails when a row a plan relies on is not done, or missing, or the feature has no text', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'levqor-drift-features-'));
    const file = path.join(dir, 'README.md');
    const text = readFileSync(readme, 'utf8');
    writeFileSync(file, text.replace(/^(\| J6 \|.*\| )done \|$/m, '$1partial: e-mail only |').replace(/^\| P4 \|.*$/m, ''));
    english.delete('Pricing.features.templates');
    expect(checkPlanFeatures(file, english)).toEqual([
      expect.objectContaining({ key: 'Pricing.features.templates', kind: 'missing' }),
      expect.objectContaining({ key: 'plan feature teamRoles: P4', actual: 'no such row' }),
      expect.objectContaining({ key: 'plan feature weeklyReport: J6', actual: 'partial: e-mail only' }),
    ]);
  });
});

