import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  DFY_PACKAGES_GBP,
  MONTHLY_PRICE_GBP,
  PLAN_FEATURE_BACKING,
  PLAN_FEATURES,
  PLANS,
  SUPPORT_SLA_HOURS,
  TRIAL_DAYS,
  TRIAL_TEXT,
  YEARLY_PRICE_GBP,
} from './pricing';
import { LIMIT_PLANS, METERS, USAGE_LIMITS } from './limits';

/**
 * Drift check of the locked business rules (SPEC B1, DEV_SAFETY §1). pricing.ts is the source;
 * every copy must agree with it:
 *
 * - messages/en.json: `Home.trialText` and `Pricing.trialText` are the trial text verbatim.
 * - every catalog (all locales): each checked string carries exactly the figures the source
 *   gives it (compared as a multiset of numbers, so word order may differ between languages;
 *   Devanagari and full-width digits count as the same figures). Checked strings are every key
 *   of the Pricing and Billing namespaces plus the trial copies elsewhere (FIGURES below). A
 *   checked string without declared figures must contain no number at all: prices, SLAs and
 *   days shown to customers come from pricing.ts through ICU placeholders, or are declared here.
 * - docs (DEV_SAFETY.md): the prices, SLAs and the trial text of its "Locked business rules".
 * - README.md's "Usage limits" table: the monthly limits of limits.ts, plan by plan.
 * - README.md's "Feature status" table: every row a plan feature stands for
 *   (PLAN_FEATURE_BACKING) says "done", and English has the feature's text — the plans sell only
 *   what exists (issue 16 #8).
 *
 * Pure file reading, no env and no database: `npm run drift` (scripts/drift.ts) runs it as part
 * of `npm test`, and tests run it on temporary copies of the catalogs.
 */

export type DriftProblem = {
  /** File the problem is in (relative to the directory given, e.g. "fr.json" or "DEV_SAFETY.md"). */
  file: string;
  /** Catalog key (e.g. "Pricing.metaDescription") or the rule in a document. */
  key: string;
  kind: 'text' | 'figures' | 'missing' | 'undeclared';
  expected: string;
  actual: string;
  /** The string as found, for figure problems. */
  text?: string;
};

export type DriftReport = {
  ok: boolean;
  problems: DriftProblem[];
  checked: { catalogs: number; strings: number; docs: number };
};

/** Namespaces whose every string is checked for figures. */
export const CHECKED_NAMESPACES = ['Pricing', 'Billing'] as const;

const cheapest = (values: Record<string, number>) => Math.min(...Object.values(values));

/** Months paid for a yearly plan (yearly = N x monthly); null when the plans disagree. */
export function yearlyMonths(): number | null {
  const ratios = new Set(PLANS.map((p) => YEARLY_PRICE_GBP[p] / MONTHLY_PRICE_GBP[p]));
  const [only] = [...ratios];
  return ratios.size === 1 && only !== undefined && Number.isInteger(only) ? only : null;
}

/**
 * Figures each declared string must carry, derived from pricing.ts. Keys of the checked
 * namespaces that are not listed here must carry none.
 */
export function expectedFigures(): Record<string, number[]> {
  const trial = extractFigures(TRIAL_TEXT);
  const months = yearlyMonths();
  return {
    'Home.trialText': trial,
    'Auth.signUpLead': [TRIAL_DAYS],
    'Pricing.trialText': trial,
    // "plans from £9 a month or £90 a year, Done-For-You from £149, 7-day free trial"
    'Pricing.metaDescription': [cheapest(MONTHLY_PRICE_GBP), cheapest(YEARLY_PRICE_GBP), cheapest(DFY_PACKAGES_GBP), TRIAL_DAYS],
    // "12 months for the price of 10": NaN when yearly prices stop being a whole number of months.
    'Pricing.yearlyNote': [12, months ?? Number.NaN],
  };
}

/** Keys whose English text is the trial text verbatim. */
export const VERBATIM_KEYS = ['Home.trialText', 'Pricing.trialText'] as const;

const DIGIT_BLOCKS = [0x0966 /* Devanagari */, 0xff10 /* full-width */, 0x0660 /* Arabic-Indic */, 0x06f0 /* Persian */];

function asciiDigits(text: string): string {
  return text.replace(/[\u0966-\u096f\uff10-\uff19\u0660-\u0669\u06f0-\u06f9]/g, (ch) => {
    const cp = ch.codePointAt(0)!;
    const zero = DIGIT_BLOCKS.find((z) => cp >= z && cp <= z + 9)!;
    return String(cp - zero);
  });
}

/**
 * The numbers in a message, in order. ICU syntax is not content: plural selectors (`=0`) and
 * placeholders (`{days}`) are dropped. Thousands separators (",", ".", spaces) inside a number
 * are ignored: "£1,490", "1.490 £" and "1 490 £" all read 1490.
 */
export function extractFigures(message: string): number[] {
  const text = asciiDigits(message)
    .replace(/\boffset:\s*\d+/g, ' ')
    .replace(/=\d+/g, ' ')
    .replace(/\{[^{},]*\}/g, ' ');
  const out: number[] = [];
  for (const m of text.matchAll(/\d+(?:[.,\u00a0\u202f\u2009 ]\d{3}(?!\d))*/g)) {
    out.push(Number(m[0].replace(/[^\d]/g, '')));
  }
  return out;
}

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else if (v && typeof v === 'object') for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const sortNum = (xs: number[]) => [...xs].sort((a, b) => a - b);
const show = (xs: number[]) => (xs.length ? sortNum(xs).map((x) => (Number.isNaN(x) ? '?' : String(x))).join(' ') : '(none)');
const sameFigures = (a: number[], b: number[]) => show(a) === show(b) && !a.some(Number.isNaN) && !b.some(Number.isNaN);

/** Checks every catalog in `messagesDir` (and the given docs) against pricing.ts. */
export function checkPricingDrift(opts: { messagesDir: string; docs?: string[]; limitsDoc?: string; featuresDoc?: string }): DriftReport {
  const problems: DriftProblem[] = [];
  const figures = expectedFigures();
  const files = readdirSync(opts.messagesDir)
    .filter((f) => f.endsWith('.json'))
    .sort((a, b) => (a === 'en.json' ? -1 : b === 'en.json' ? 1 : a.localeCompare(b)));
  let strings = 0;

  const english = files.includes('en.json') ? flatten(readJson(path.join(opts.messagesDir, 'en.json'))) : null;
  if (!english) problems.push({ file: 'en.json', key: '*', kind: 'missing', expected: 'the English catalog', actual: 'no en.json' });

  // Keys to check: declared ones plus every key of the checked namespaces (from English).
  const keys = new Set(Object.keys(figures));
  for (const key of english?.keys() ?? []) {
    if (CHECKED_NAMESPACES.some((ns) => key.startsWith(`${ns}.`))) keys.add(key);
  }

  for (const file of files) {
    const catalog = flatten(readJson(path.join(opts.messagesDir, file)));
    for (const key of keys) {
      const text = catalog.get(key);
      if (text === undefined) {
        problems.push({ file, key, kind: 'missing', expected: 'a translated string', actual: 'missing' });
        continue;
      }
      strings++;
      const found = extractFigures(text);
      const expected = figures[key];
      if (file === 'en.json' && (VERBATIM_KEYS as readonly string[]).includes(key) && text !== TRIAL_TEXT) {
        problems.push({ file, key, kind: 'text', expected: TRIAL_TEXT, actual: text });
        continue;
      }
      if (expected) {
        if (!sameFigures(found, expected)) problems.push({ file, key, kind: 'figures', expected: show(expected), actual: show(found), text });
      } else if (found.length > 0) {
        problems.push({
          file,
          key,
          kind: 'undeclared',
          expected: '(none: use an ICU placeholder fed from pricing.ts, or declare the figures in drift.ts)',
          actual: show(found),
          text,
        });
      }
    }
  }

  const docs = opts.docs ?? [];
  for (const doc of docs) problems.push(...checkDoc(doc));
  if (opts.limitsDoc) problems.push(...checkLimitsTable(opts.limitsDoc));
  if (opts.featuresDoc) problems.push(...checkPlanFeatures(opts.featuresDoc, english));

  return { ok: problems.length === 0, problems, checked: { catalogs: files.length, strings, docs: docs.length } };
}

function readJson(file: string): Tree {
  return JSON.parse(readFileSync(file, 'utf8')) as Tree;
}

/**
 * DEV_SAFETY.md's "Locked business rules": "monthly 9 / 29 / 59 / 149, yearly 90 / ...,
 * Done-For-You 149 / 299 / 499. Support SLAs 48h / 24h / 12h / 4h." and the quoted trial text
 * (which may wrap across lines).
 */
export function checkDoc(file: string): DriftProblem[] {
  const name = path.basename(file);
  const text = readFileSync(file, 'utf8').replace(/\s+/g, ' ');
  const problems: DriftProblem[] = [];
  const rules: { key: string; pattern: RegExp; expected: number[] }[] = [
    { key: 'monthly prices', pattern: /\bmonthly\s+((?:\d+\s*\/\s*)*\d+)/i, expected: PLANS.map((p) => MONTHLY_PRICE_GBP[p]) },
    { key: 'yearly prices', pattern: /\byearly\s+((?:\d+\s*\/\s*)*\d+)/i, expected: PLANS.map((p) => YEARLY_PRICE_GBP[p]) },
    { key: 'Done-For-You prices', pattern: /Done-For-You\s+((?:\d+\s*\/\s*)*\d+)/i, expected: Object.values(DFY_PACKAGES_GBP) },
    { key: 'support SLAs', pattern: /\bSLAs\s+((?:\d+\s*h\s*\/\s*)*\d+\s*h)/i, expected: PLANS.map((p) => SUPPORT_SLA_HOURS[p]) },
  ];
  for (const rule of rules) {
    const m = rule.pattern.exec(text);
    const found = m ? (m[1]!.match(/\d+/g) ?? []).map(Number) : null;
    // Order matters in the docs: figures are listed plan by plan.
    if (!found) problems.push({ file: name, key: rule.key, kind: 'missing', expected: rule.expected.join(' / '), actual: 'not found' });
    else if (found.join() !== rule.expected.join()) {
      problems.push({ file: name, key: rule.key, kind: 'figures', expected: rule.expected.join(' / '), actual: found.join(' / ') });
    }
  }
  const trial = /trial text is verbatim:\s*"([^"]+)"/i.exec(text);
  if (!trial) problems.push({ file: name, key: 'trial text', kind: 'missing', expected: TRIAL_TEXT, actual: 'not found' });
  else if (trial[1]!.trim() !== TRIAL_TEXT) problems.push({ file: name, key: 'trial text', kind: 'text', expected: TRIAL_TEXT, actual: trial[1]!.trim() });
  return problems;
}

/**
 * README's "Usage limits" table (SPEC P3): one row per plan of limits.ts (`| trial | 200 | ...`),
 * the meters in METERS order, figures with or without thousands separators.
 */
export function checkLimitsTable(file: string): DriftProblem[] {
  const name = path.basename(file);
  const text = readFileSync(file, 'utf8');
  const section = /^## Usage limits\s*$([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(text)?.[1];
  if (!section) return [{ file: name, key: 'usage limits', kind: 'missing', expected: 'a "## Usage limits" section', actual: 'not found' }];
  const problems: DriftProblem[] = [];
  for (const plan of LIMIT_PLANS) {
    const row = new RegExp(`^\\|\\s*${plan}\\s*\\|(.*)$`, 'im').exec(section);
    const expected = METERS.map((m) => USAGE_LIMITS[plan][m]);
    if (!row) {
      problems.push({ file: name, key: `usage limits: ${plan}`, kind: 'missing', expected: expected.join(' / '), actual: 'no row' });
      continue;
    }
    const found = row[1]!
      .split('|')
      .map((c) => c.trim())
      .filter(Boolean)
      .slice(0, METERS.length)
      .map((c) => Number(c.replace(/[,\s]/g, '')));
    if (found.join() !== expected.join()) {
      problems.push({ file: name, key: `usage limits: ${plan}`, kind: 'figures', expected: expected.join(' / '), actual: found.join(' / ') });
    }
  }
  return problems;
}

/** Every plan feature stands for README feature rows that are "done", and has its English text. */
export function checkPlanFeatures(file: string, english: Map<string, string> | null): DriftProblem[] {
  const name = path.basename(file);
  const text = readFileSync(file, 'utf8');
  const section = /^## Feature status\s*$([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(text)?.[1];
  if (!section) return [{ file: name, key: 'feature status', kind: 'missing', expected: 'a "## Feature status" section', actual: 'not found' }];
  const status = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length >= 4 && /^[A-Z]\d+$/.test(cells[1]!)) status.set(cells[1]!, cells[cells.length - 2]!);
  }
  const problems: DriftProblem[] = [];
  const features = [...new Set(PLANS.flatMap((p) => PLAN_FEATURES[p]))];
  for (const feature of features) {
    if (english && !english.has(`Pricing.features.${feature}`)) {
      problems.push({ file: 'en.json', key: `Pricing.features.${feature}`, kind: 'missing', expected: 'the feature as the pricing page shows it', actual: 'missing' });
    }
    for (const id of PLAN_FEATURE_BACKING[feature]) {
      const found = status.get(id);
      if (!found || !/^done\b/.test(found) || /partial|not started/i.test(found)) {
        problems.push({ file: name, key: `plan feature ${feature}: ${id}`, kind: 'text', expected: 'done', actual: found ?? 'no such row' });
      }
    }
  }
  return problems;
}

/** A readable diff of the problems, one block per problem. */
export function formatDriftReport(report: DriftReport, source = 'src/server/domain/billing/pricing.ts'): string {
  const { catalogs, strings, docs } = report.checked;
  if (report.ok) {
    return `Pricing drift check passed: ${strings} strings in ${catalogs} catalogs and ${docs} document(s) agree with ${source}.`;
  }
  const lines = [
    `Pricing drift check FAILED: ${report.problems.length} problem(s). The locked prices, SLAs and trial text live in ${source};`,
    'every copy must agree with it (DEV_SAFETY.md §1). Fix the copy, never the price.',
    '',
  ];
  for (const p of report.problems) {
    lines.push(`${p.file}  ${p.key}`);
    if (p.kind === 'text') {
      lines.push(`  - ${p.expected}   (source)`, `  + ${p.actual}   (found)`);
    } else if (p.kind === 'missing') {
      lines.push(`  expected ${p.expected}, but it is ${p.actual}`);
    } else {
      lines.push(`  expected figures  ${p.expected}`, `  found figures     ${p.actual}`);
      const diff = figureDiff(p.expected, p.actual);
      if (diff) lines.push(`  ${diff}`);
      if (p.text !== undefined) lines.push(`  text              ${JSON.stringify(p.text)}`);
    }
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}

function figureDiff(expected: string, actual: string): string {
  const parse = (s: string) => (s.startsWith('(') ? [] : s.split(/\s*\/\s*|\s+/).filter(Boolean));
  const want = parse(expected);
  const got = parse(actual);
  const missing = [...want];
  const extra: string[] = [];
  for (const g of got) {
    const i = missing.indexOf(g);
    if (i >= 0) missing.splice(i, 1);
    else extra.push(g);
  }
  const parts = [missing.length ? `missing ${missing.join(', ')}` : '', extra.length ? `unexpected ${extra.join(', ')}` : ''].filter(Boolean);
  return parts.join('; ');
}
