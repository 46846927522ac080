'use client';

import { useEffect, useState } from 'react';
import { buttonClasses } from '~/components/ui/button';
import { Dialog } from '~/components/ui/dialog';

export type ExitIntentTexts = { title: string; body: string; trialText: string; cta: string; later: string };

/** sessionStorage key: the modal shows at most once per browser session. */
export const EXIT_INTENT_KEY = 'levqor:exit-intent-shown';
/** Touch devices have no pointer leaving the page: inactivity stands in for the intent. */
export const EXIT_INTENT_IDLE_MS = 30_000;

/**
 * SPEC B4: exit-intent modal on /pricing. Desktop: the pointer leaves the page through the top
 * of the viewport (towards the tabs and the address bar). Touch: about 30 s without
 * interaction. Once per session; a native modal <dialog> (focus trapped, Escape closes); texts
 * arrive translated as props, and it never talks about discounts.
 */
export function ExitIntent({ texts: t, ctaHref }: { texts: ExitIntentTexts; ctaHref: string }) {
  const [open, setOpen] = useState(false);

  useEffect(() => {
    try {
      if (window.sessionStorage.getItem(EXIT_INTENT_KEY)) return;
    } catch {
      return; // storage blocked: never risk showing it on every visit
    }
    let done = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const touch = window.matchMedia('(hover: none), (pointer: coarse)').matches;
    const activity = ['pointerdown', 'keydown', 'scroll', 'touchstart'] as const;

    const cleanup = () => {
      document.removeEventListener('mouseout', onMouseOut);
      for (const type of activity) window.removeEventListener(type, restartIdle);
      if (timer) clearTimeout(timer);
    };
    const show = () => {
      if (done || document.querySelector('dialog[open]')) return;
      done = true;
      try {
        window.sessionStorage.setItem(EXIT_INTENT_KEY, '1');
      } catch {
        // shown anyway; at worst it can show again in this session
      }
      cleanup();
      setOpen(true);
    };
    function onMouseOut(e: MouseEvent) {
      if (!e.relatedTarget && e.clientY <= 0) show();
    }
    function restartIdle() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(show, EXIT_INTENT_IDLE_MS);
    }

    if (touch) {
      for (const type of activity) window.addEventListener(type, restartIdle, { passive: true });
      restartIdle();
    } else {
      document.addEventListener('mouseout', onMouseOut);
    }
    return cleanup;
  }, []);

  return (
    <Dialog open={open} onClose={() => setOpen(false)} title={t.title} description={t.body}>
      <div data-testid="exit-intent">
        <p className="text-sm font-medium text-indigo-100">{t.trialText}</p>
        <div className="mt-6 flex flex-wrap justify-end gap-2">
          <button type="button" className={buttonClasses('ghost')} onClick={() => setOpen(false)}>
            {t.later}
          </button>
          <a href={ctaHref} className={buttonClasses('primary')}>
            {t.cta}
          </a>
        </div>
      </div>
    </Dialog>
  );
}
