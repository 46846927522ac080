/**
 * Cookie consent (SPEC P5): one first-party cookie, readable by the proxy and the page, holding
 * the visitor's choice. `all`: referral attribution and browser error reports are allowed;
 * `necessary`: only what the service needs (session, sign-in protection, language, this choice).
 * No cookie yet: nothing optional happens, and the banner asks.
 */
export const CONSENT_COOKIE = 'levqor_consent';
export const CONSENT_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;
export type ConsentChoice = 'all' | 'necessary';

/** The optional category (attribution and error reports) is allowed only on an explicit `all`. */
export function optionalAllowed(value: string | null | undefined): boolean {
  return value === 'all';
}

export function parseConsent(value: string | null | undefined): ConsentChoice | null {
  return value === 'all' || value === 'necessary' ? value : null;
}

/** The choice as it stands in a `document.cookie` string. */
export function consentFromCookieHeader(cookieHeader: string): ConsentChoice | null {
  for (const part of cookieHeader.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === CONSENT_COOKIE) return parseConsent(decodeURIComponent(rest.join('=')));
  }
  return null;
}

/** Fired on window when the choice changes or the footer asks to change it. */
export const CONSENT_CHANGED_EVENT = 'levqor:consent-changed';
export const CONSENT_OPEN_EVENT = 'levqor:consent-open';
