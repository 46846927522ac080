'use client';

import { useTranslations, useLocale } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import { Button, buttonClasses } from '~/components/ui/button';
import { Card, CardTitle } from '~/components/ui/card';
import { Link } from '~/i18n/navigation';
import type { Locale } from '~/i18n/locales';
import { api } from '~/trpc/react';

type CopyState = 'idle' | 'copied' | 'failed';

/** Clipboard API where allowed (secure contexts), else the selection + execCommand fallback. */
async function copyText(text: string, fallbackField: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission denied or insecure context: try the fallback.
  }
  if (!fallbackField) return false;
  fallbackField.focus();
  fallbackField.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

function useCopy() {
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  const copy = async (text: string, field: HTMLInputElement | HTMLTextAreaElement | null) => {
    const ok = await copyText(text, field);
    setState(ok ? 'copied' : 'failed');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), 4000);
  };
  return { state, copy };
}

function Stat({ label, value, testId }: { label: string; value: number | undefined; testId: string }) {
  return (
    <div className="rounded-lg border border-border bg-surface-raised/60 px-3 py-2">
      <dt className="text-xs text-fg-muted">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums" data-testid={testId}>
        {value ?? '–'}
      </dd>
    </div>
  );
}

/**
 * SPEC G3: recommended templates, the user's referral link (copy + share text) and its results.
 * Mounted on the dashboard.
 */
export function GrowthPanel() {
  const t = useTranslations('GrowthPanel');
  const tc = useTranslations('Common');
  const tg = useTranslations('TemplateGallery');
  const locale = useLocale() as Locale;
  const ids = { title: useId(), link: useId(), share: useId() };
  const linkRef = useRef<HTMLInputElement>(null);
  const shareRef = useRef<HTMLTextAreaElement>(null);
  const linkCopy = useCopy();
  const shareCopy = useCopy();
  const recommended = api.growth.recommended.useQuery({ limit: 3, locale }, { staleTime: 60_000 });
  const mine = api.referrals.mine.useQuery(undefined, { staleTime: Infinity });
  const stats = api.referrals.stats.useQuery(undefined, { staleTime: 30_000, refetchOnWindowFocus: true });
  const shareText = mine.data ? t('shareText', { link: mine.data.link }) : '';

  const announce = (state: CopyState) => (state === 'copied' ? t('copied') : state === 'failed' ? t('copyFailed') : '');

  return (
    <Card aria-labelledby={ids.title} data-testid="growth-panel" className="space-y-5">
      <CardTitle id={ids.title}>{t('title')}</CardTitle>

      <div className="space-y-2">
        <h3 className="text-sm font-semibold text-fg">
          {t('templatesTitle')}
        </h3>
        {recommended.isPending ? (
          <p role="status" className="text-sm text-fg-muted">
            {tc('loading')}
          </p>
        ) : recommended.isError ? null : recommended.data.items.length === 0 ? (
          <p className="text-sm text-fg-muted">{t('noTemplates')}</p>
        ) : (
          <ul className="space-y-2" data-testid="recommended-templates">
            {recommended.data.items.map((template) => (
              <li key={template.id} className="rounded-lg border border-border px-3 py-2">
                <p className="text-sm font-medium">{template.name}</p>
                <p className="text-xs text-fg-muted">
                  {tg(`categories.${template.category}`)} · {template.description}
                </p>
              </li>
            ))}
          </ul>
        )}
        <Link href="/dashboard/templates" className={buttonClasses('secondary', 'sm')}>
          {t('viewTemplates')}
        </Link>
      </div>

      <div className="space-y-3">
        <div>
          <h3 className="text-sm font-semibold text-fg">
            {t('referralTitle')}
          </h3>
          <p className="text-xs text-fg-muted">{t('referralLead')}</p>
        </div>
        {mine.isError ? (
          <p role="alert" className="text-sm text-rose-200">
            {t('loadFailed')}
          </p>
        ) : (
          <>
            <div>
              <label htmlFor={ids.link} className="block text-xs font-medium text-fg-muted">
                {t('linkLabel')}
              </label>
              <div className="mt-1 flex gap-2">
                <input
                  ref={linkRef}
                  id={ids.link}
                  readOnly
                  value={mine.data?.link ?? ''}
                  placeholder={mine.isPending ? tc('loading') : undefined}
                  onFocus={(e) => e.currentTarget.select()}
                  className="h-9 min-w-0 flex-1 rounded-lg border border-border bg-surface-raised px-3 font-mono text-sm text-fg"
                  data-testid="referral-link"
                />
                <Button size="sm" variant="secondary" disabled={!mine.data} onClick={() => mine.data && linkCopy.copy(mine.data.link, linkRef.current)}>
                  {t('copy')}
                </Button>
              </div>
              <p role="status" aria-live="polite" className="mt-1 min-h-4 text-xs text-fg-muted">
                {announce(linkCopy.state)}
              </p>
            </div>
            <div>
              <label htmlFor={ids.share} className="block text-xs font-medium text-fg-muted">
                {t('shareLabel')}
              </label>
              <textarea
                ref={shareRef}
                id={ids.share}
                readOnly
                rows={3}
                value={shareText}
                className="mt-1 block w-full resize-none rounded-lg border border-border bg-surface-raised px-3 py-2 text-sm text-fg"
              />
              <div className="mt-1 flex items-center gap-3">
                <Button size="sm" variant="ghost" disabled={!mine.data} onClick={() => shareCopy.copy(shareText, shareRef.current)}>
                  {t('copyShare')}
                </Button>
                <p role="status" aria-live="polite" className="text-xs text-fg-muted">
                  {announce(shareCopy.state)}
                </p>
              </div>
            </div>
          </>
        )}
        <h4 className="sr-only">
          {t('statsLabel')}
        </h4>
        <dl className="grid grid-cols-3 gap-2">
          <Stat label={t('stats.clicks')} value={stats.data?.clicks} testId="referral-clicks" />
          <Stat label={t('stats.signups')} value={stats.data?.signups} testId="referral-signups" />
          <Stat label={t('stats.conversions')} value={stats.data?.conversions} testId="referral-conversions" />
        </dl>
      </div>
    </Card>
  );
}
