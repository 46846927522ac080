'use client';

import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import {
  CONSENT_CHANGED_EVENT,
  CONSENT_COOKIE,
  CONSENT_MAX_AGE_SECONDS,
  CONSENT_OPEN_EVENT,
  consentFromCookieHeader,
  type ConsentChoice,
} from '~/lib/consent';

export type ConsentTexts = {
  title: string;
  body: string;
  accept: string;
  reject: string;
  choose: string;
  optional: string;
  optionalHint: string;
  save: string;
  more: string;
  moreHref: string;
};

const subscribe = (onChange: () => void) => {
  window.addEventListener(CONSENT_CHANGED_EVENT, onChange);
  return () => window.removeEventListener(CONSENT_CHANGED_EVENT, onChange);
};
/** The stored choice; 'unknown' while rendering on the server (the banner waits for the browser). */
export function useConsent(): ConsentChoice | null | 'unknown' {
  return useSyncExternalStore(subscribe, () => consentFromCookieHeader(document.cookie), () => 'unknown' as const);
}

function store(choice: ConsentChoice) {
  const secure = window.location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `${CONSENT_COOKIE}=${choice}; Path=/; Max-Age=${CONSENT_MAX_AGE_SECONDS}; SameSite=Lax${secure}`;
  window.dispatchEvent(new Event(CONSENT_CHANGED_EVENT));
  // A referral link opened before the choice: load it again so the attribution is recorded
  // (accepted) — or so the server drops an earlier one (rejected).
  const url = new URL(window.location.href);
  if (choice === 'all' && url.searchParams.has('ref')) window.location.reload();
}

/**
 * The cookie banner (SPEC P5): accept, reject or choose; remembered for 180 days; opened again
 * from the footer's Cookie settings. Texts come from the page (public pages ship no catalog).
 */
export function CookieConsent({ texts: t }: { texts: ConsentTexts }) {
  const consent = useConsent();
  const [open, setOpen] = useState(false);
  const [choosing, setChoosing] = useState(false);
  const [optional, setOptional] = useState(false);
  const titleId = useId();
  const optionalId = useId();

  useEffect(() => {
    const onOpen = () => {
      setOpen(true);
      setChoosing(true);
      setOptional(consentFromCookieHeader(document.cookie) === 'all');
    };
    window.addEventListener(CONSENT_OPEN_EVENT, onOpen);
    return () => window.removeEventListener(CONSENT_OPEN_EVENT, onOpen);
  }, []);

  if (consent === 'unknown' || (consent !== null && !open)) return null;
  const decide = (choice: ConsentChoice) => {
    store(choice);
    setOpen(false);
    setChoosing(false);
  };
  return (
    <section
      role="region"
      aria-labelledby={titleId}
      data-testid="cookie-consent"
      className="fixed inset-x-2 bottom-2 z-50 mx-auto max-w-2xl rounded-card border border-border bg-surface p-4 text-sm text-fg shadow-2xl sm:inset-x-4 sm:bottom-4"
    >
      <h2 id={titleId} className="text-base font-semibold">
        {t.title}
      </h2>
      <p className="mt-1 text-fg-muted">
        {t.body}{' '}
        <a href={t.moreHref} className="text-accent underline underline-offset-4">
          {t.more}
        </a>
      </p>
      {choosing ? (
        <div className="mt-3 flex items-start gap-2">
          <input id={optionalId} type="checkbox" checked={optional} onChange={(e) => setOptional(e.target.checked)} className="mt-1 h-4 w-4" aria-describedby={`${optionalId}-hint`} />
          <div>
            <label htmlFor={optionalId} className="font-medium">
              {t.optional}
            </label>
            <p id={`${optionalId}-hint`} className="text-xs text-fg-muted">
              {t.optionalHint}
            </p>
          </div>
        </div>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" className="inline-flex h-9 items-center rounded-lg bg-gradient-accent px-3 font-medium text-white" onClick={() => decide('all')}>
          {t.accept}
        </button>
        <button type="button" className="inline-flex h-9 items-center rounded-lg border border-border bg-surface-raised px-3 font-medium" onClick={() => decide('necessary')}>
          {t.reject}
        </button>
        {choosing ? (
          <button type="button" className="inline-flex h-9 items-center rounded-lg border border-border px-3 font-medium" onClick={() => decide(optional ? 'all' : 'necessary')}>
            {t.save}
          </button>
        ) : (
          <button type="button" className="inline-flex h-9 items-center rounded-lg px-3 font-medium text-fg-muted hover:text-fg" onClick={() => setChoosing(true)}>
            {t.choose}
          </button>
        )}
      </div>
    </section>
  );
}

/** "Cookie settings" in the footer: opens the banner again with the current choice. */
export function CookieSettingsButton({ label }: { label: string }) {
  return (
    <button type="button" className="hover:text-fg hover:underline" onClick={() => window.dispatchEvent(new Event(CONSENT_OPEN_EVENT))}>
      {label}
    </button>
  );
}
