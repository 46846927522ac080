import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from '~/i18n/locales';
import { CATALOGS } from '~/server/domain/i18n/catalogs';
import { localizeErrorMessage, requestLocale } from '~/server/domain/i18n/errors';

const root = path.resolve(import.meta.dirname, '../../src');
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [readFileSync(p, 'utf8')] : [];
  });

describe('error messages in the caller\'s language', () => {
  it('every translated message is one the server really throws, word for word', () => {
    const code = sources(root).join('\n');
    const missing = Object.entries(CATALOGS.en.ErrorMessages).filter(([, text]) => !code.includes(`'${text}'`));
    expect(missing).toEqual([]);
  });

  it('translates a known message, keeps an unknown one, and falls back to English', () => {
    expect(localizeErrorMessage('Workflow not found', 'de')).toBe('Workflow nicht gefunden');
    expect(localizeErrorMessage('Workflow not found', 'ja')).toBe(CATALOGS.ja.ErrorMessages.workflowNotFound);
    expect(localizeErrorMessage('A workspace cannot go from trialing to purged.', 'fr')).toBe('A workspace cannot go from trialing to purged.');
    expect(localizeErrorMessage('Workflow not found', null)).toBe('Workflow not found');
    expect(localizeErrorMessage('Workflow not found', 'xx')).toBe('Workflow not found');
    for (const locale of locales) expect(Object.keys(CATALOGS[locale].ErrorMessages)).toEqual(Object.keys(CATALOGS.en.ErrorMessages));
  });

  it('reads the language from our header, else the locale cookie', () => {
    expect(requestLocale(new Headers({ 'x-levqor-locale': 'hi', cookie: 'NEXT_LOCALE=fr' }))).toBe('hi');
    expect(requestLocale(new Headers({ cookie: 'a=1; NEXT_LOCALE=fr' }))).toBe('fr');
    expect(requestLocale(new Headers({ 'x-levqor-locale': '<script>' }))).toBeNull();
  });
});
