'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useId } from 'react';
import { Button } from '~/components/ui/button';
import { Card, CardDescription, CardTitle } from '~/components/ui/card';
import { useToast } from '~/components/ui/toast';
import { api, type RouterOutputs } from '~/trpc/react';

type Suggestion = RouterOutputs['growthIntel']['discounts']['pending'][number];
const KNOWN_RULES = ['low_trial_conversion', 'source_underperforming'] as const;
type KnownRule = (typeof KNOWN_RULES)[number];
const isKnown = (rule: string): rule is KnownRule => (KNOWN_RULES as readonly string[]).includes(rule);

/**
 * Discount suggestions (SPEC G5) on /admin/growth: pending ones with Apply / Dismiss, recent
 * decisions. Apply is offered only when PRICING_AUTO_APPLY is on and Stripe is configured (the
 * server refuses otherwise too); applying creates a Stripe coupon, prices never change.
 */
export function DiscountSuggestions() {
  const t = useTranslations('GrowthIntel.discounts');
  const tg = useTranslations('GrowthIntel');
  const tc = useTranslations('Common');
  const format = useFormatter();
  const toast = useToast();
  const utils = api.useUtils();
  const noteId = useId();
  const list = api.growthIntel.discounts.useQuery();
  const decide = api.growthIntel.decideDiscount.useMutation({
    onSuccess: async (r) => {
      toast.show(r.suggestion.status === 'applied' ? t('appliedToast', { coupon: r.suggestion.stripeCouponId ?? '' }) : t('dismissedToast'));
      await utils.growthIntel.discounts.invalidate();
    },
    onError: (e) => toast.show(e.message, 'error'),
  });

  const data = list.data;
  const canApply = Boolean(data?.autoApply && data.stripeConfigured);

  const offer = (s: Suggestion) => t('offer', { percent: s.percentOff, months: s.durationMonths });
  const ruleName = (s: Suggestion) => (isKnown(s.rule) ? t(`rules.${s.rule}`) : s.rule);
  const where = (s: Suggestion) => (s.source === '*' ? t('allSources') : t('forSource', { source: s.source }));
  const reason = (s: Suggestion) => {
    const r = s.reason;
    const n = (k: string) => Number(r[k] ?? 0);
    const p = (k: string) => format.number(n(k) / 100, { style: 'percent', maximumFractionDigits: 1 });
    if (s.rule === 'low_trial_conversion') {
      return t('reasons.low_trial_conversion', { conversions: n('conversions'), trials: n('trials'), days: n('windowDays'), rate: p('ratePct'), threshold: p('thresholdPct') });
    }
    if (s.rule === 'source_underperforming') {
      return t('reasons.source_underperforming', { conversions: n('conversions'), signups: n('signups'), days: n('windowDays'), rate: p('ratePct'), overall: p('overallRatePct') });
    }
    return Object.entries(r)
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ');
  };

  return (
    <Card aria-labelledby="discounts-title" data-testid="discounts">
      <CardTitle id="discounts-title">{t('title')}</CardTitle>
      <CardDescription>{t('lead')}</CardDescription>
      {list.isPending ? (
        <p role="status" className="mt-3 text-sm text-fg-muted">
          {tc('loading')}
        </p>
      ) : list.isError || !data ? (
        <p role="alert" className="mt-3 text-sm text-danger">
          {tg('loadFailed')}
        </p>
      ) : (
        <>
          {canApply ? null : (
            <p
              id={noteId}
              role="note"
              data-testid="auto-apply-off"
              className="mt-3 rounded-lg border border-amber-400/40 bg-amber-950/40 px-4 py-3 text-sm text-amber-100"
            >
              {data.autoApply ? t('stripeMissing') : t('autoApplyOff')}
            </p>
          )}
          {data.pending.length === 0 ? (
            <p className="mt-3 text-sm text-fg-muted" data-testid="discounts-empty">
              {t('empty')}
            </p>
          ) : (
            <ul className="mt-3 space-y-3">
              {data.pending.map((s) => (
                <li key={s.id} className="rounded-lg border border-border bg-surface-raised/60 p-4" data-testid="discount-suggestion">
                  <div className="flex flex-wrap items-start justify-between gap-3">
                    <div className="min-w-0">
                      <p className="font-semibold">
                        {ruleName(s)} · {offer(s)}
                      </p>
                      <p className="mt-1 text-sm text-fg-muted">
                        {where(s)} · {t('suggestedOn', { day: s.day })}
                      </p>
                      <p className="mt-1 text-sm">{reason(s)}</p>
                    </div>
                    <div className="flex gap-2">
                      <Button
                        size="sm"
                        disabled={!canApply || decide.isPending}
                        aria-describedby={canApply ? undefined : noteId}
                        onClick={() => decide.mutate({ id: s.id, decision: 'apply' })}
                      >
                        {t('apply')}
                      </Button>
                      <Button size="sm" variant="secondary" disabled={decide.isPending} onClick={() => decide.mutate({ id: s.id, decision: 'dismiss' })}>
                        {t('dismiss')}
                      </Button>
                    </div>
                  </div>
                </li>
              ))}
            </ul>
          )}
          {data.recent.length > 0 ? (
            <>
              <h3 className="mt-5 text-sm font-semibold">{t('recentTitle')}</h3>
              <ul className="mt-2 space-y-1 text-sm">
                {data.recent.map((s) => (
                  <li key={s.id} className="text-fg-muted">
                    <span className="text-fg">{t(`status.${s.status}`)}</span> · {ruleName(s)} · {offer(s)} · {where(s)}
                    {s.stripeCouponId ? ` · ${t('coupon', { coupon: s.stripeCouponId })}` : ''}
                    {s.decidedAt ? ` · ${format.dateTime(s.decidedAt, { dateStyle: 'medium', timeStyle: 'short' })}` : ''}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </Card>
  );
}
