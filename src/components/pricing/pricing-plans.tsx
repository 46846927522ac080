'use client';

import { useId, useState } from 'react';
import { buttonClasses } from '~/components/ui/button';
import { cn } from '~/lib/cn';

type Interval = 'month' | 'year';

/** One plan card, prepared on the server: names, prices (formatted for the locale) and links. */
export type PlanView = {
  id: string;
  name: string;
  tagline: string;
  price: Record<Interval, string>;
  sla: string;
  /** "Everything in Growth, plus:" for every plan after the first. */
  everythingIn: string | null;
  featuresLabel: string;
  features: string[];
  cta: { label: string; href: Record<Interval, string> };
  popular: boolean;
};

export type PricingPlansTexts = {
  periodLabel: string;
  monthly: string;
  yearly: string;
  yearlyNote: string;
  perMonth: string;
  perYear: string;
  popular: string;
};

/**
 * SPEC B2: the four plans with a monthly / yearly toggle. Prices are formatted on the server
 * (GBP in the visitor's locale) and arrive with the texts as props, so this public page loads no
 * i18n runtime.
 */
export function PricingPlans({ plans, texts: t }: { plans: PlanView[]; texts: PricingPlansTexts }) {
  const [interval, setPeriod] = useState<Interval>('month');
  const noteId = useId();

  return (
    <div>
      <div className="flex flex-col items-center gap-2">
        <div role="group" aria-label={t.periodLabel} aria-describedby={noteId} className="inline-flex rounded-lg border border-border bg-surface p-1">
          {(['month', 'year'] as const).map((value) => (
            <button
              key={value}
              type="button"
              aria-pressed={interval === value}
              data-testid={`interval-${value}`}
              onClick={() => setPeriod(value)}
              className={cn(
                'h-9 rounded-md px-4 text-sm font-medium motion-safe:transition',
                interval === value ? 'bg-surface-raised text-fg shadow' : 'text-fg-muted hover:text-fg',
              )}
            >
              {value === 'month' ? t.monthly : t.yearly}
            </button>
          ))}
        </div>
        <p id={noteId} className="text-sm text-accent-2">
          {t.yearlyNote}
        </p>
      </div>

      <ul className="mt-8 grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {plans.map((plan) => (
          <li key={plan.id} data-testid={`plan-${plan.id}`}>
            <article
              aria-labelledby={`${noteId}-${plan.id}`}
              className={cn(
                'flex h-full flex-col rounded-card border bg-surface/80 p-5 shadow-sm',
                plan.popular ? 'border-accent ring-1 ring-accent' : 'border-border',
              )}
            >
              <div className="flex items-start justify-between gap-2">
                <h3 id={`${noteId}-${plan.id}`} className="text-lg font-semibold">
                  {plan.name}
                </h3>
                {plan.popular ? (
                  <span className="rounded-full bg-indigo-950 px-2 py-0.5 text-xs font-semibold text-indigo-100">{t.popular}</span>
                ) : null}
              </div>
              <p className="mt-1 text-sm text-fg-muted">{plan.tagline}</p>
              <p className="mt-4 flex flex-wrap items-baseline gap-x-2">
                <span className="text-4xl font-bold tracking-tight" data-testid={`price-${plan.id}`}>
                  {plan.price[interval]}
                </span>
                <span className="text-sm text-fg-muted">{interval === 'month' ? t.perMonth : t.perYear}</span>
              </p>
              <p className="mt-2 text-sm font-medium text-accent-2" data-testid={`sla-${plan.id}`}>
                {plan.sla}
              </p>
              {plan.everythingIn ? <p className="mt-4 text-sm font-medium">{plan.everythingIn}</p> : null}
              <ul aria-label={plan.featuresLabel} className={cn('space-y-2 text-sm text-fg-muted', plan.everythingIn ? 'mt-2' : 'mt-4')}>
                {plan.features.map((feature) => (
                  <li key={feature} className="flex gap-2">
                    <span aria-hidden className="mt-1.5 inline-block h-1.5 w-1.5 shrink-0 rounded-full bg-accent" />
                    <span>{feature}</span>
                  </li>
                ))}
              </ul>
              <div className="mt-auto pt-6">
                <a
                  href={plan.cta.href[interval]}
                  className={buttonClasses(plan.popular ? 'primary' : 'secondary', 'md', 'w-full')}
                  data-testid={`cta-${plan.id}`}
                >
                  {plan.cta.label}
                </a>
              </div>
            </article>
          </li>
        ))}
      </ul>
    </div>
  );
}
