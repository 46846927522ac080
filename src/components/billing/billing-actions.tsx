'use client';

import { useTranslations } from 'next-intl';
import { useId, useRef, useState } from 'react';
import { Button, buttonClasses } from '~/components/ui/button';
import { api } from '~/trpc/react';

type Interval = 'month' | 'year';
type PlanId = 'starter' | 'growth' | 'pro' | 'business';
type DfyId = 'starter' | 'professional' | 'enterprise';
type ErrorKey = 'notConfigured' | 'unavailable' | 'noBillingAccount' | 'tooMany' | 'ownersOnly' | 'generic';

/** Maps a billing error to its translation (the server's English message stays for API users). */
function errorKey(error: { data?: { code?: string } | null } | null, configured: boolean): ErrorKey | null {
  if (!error) return null;
  switch (error.data?.code) {
    case 'SERVICE_UNAVAILABLE':
      return configured ? 'unavailable' : 'notConfigured';
    case 'UNPROCESSABLE_CONTENT':
      return 'noBillingAccount';
    case 'TOO_MANY_REQUESTS':
      return 'tooMany';
    case 'FORBIDDEN':
      return 'ownersOnly';
    default:
      return 'generic';
  }
}

function ErrorMessage({ k }: { k: ErrorKey | null }) {
  const t = useTranslations('Billing');
  if (!k) return null;
  return (
    <p role="alert" data-testid="billing-error" className="mt-3 rounded-lg border border-rose-500/40 bg-rose-950/60 px-3 py-2 text-sm text-rose-100">
      {t(`errors.${k}`)}
    </p>
  );
}

/** Why the payment buttons are disabled on a server without Stripe (instead of a 503 on click). */
function NotConfiguredNote({ id }: { id: string }) {
  const t = useTranslations('Billing');
  return (
    <p id={id} className="mt-2 text-xs text-fg-muted" data-testid="billing-unavailable">
      {t('errors.notConfigured')}
    </p>
  );
}

/** Sends the browser to the URL Stripe gave (Checkout or the customer portal). */
const go = (r: { url: string }) => window.location.assign(r.url);

const selectClass = 'mt-1 block h-11 w-full rounded-lg border border-border bg-surface-raised px-3 text-base text-fg';

/** SPEC B3: choose a plan and interval, then continue to Stripe Checkout. */
export function CheckoutForm({
  plans,
  defaultPlan,
  defaultInterval,
  configured,
}: {
  plans: { id: PlanId; name: string; price: Record<Interval, string> }[];
  defaultPlan: PlanId;
  defaultInterval: Interval;
  configured: boolean;
}) {
  const t = useTranslations('Billing');
  const tp = useTranslations('Pricing');
  const id = useId();
  const [plan, setPlan] = useState<PlanId>(defaultPlan);
  const [interval, setPeriod] = useState<Interval>(defaultInterval);
  const checkout = api.billing.checkout.useMutation({ onSuccess: go });
  const busy = checkout.isPending || checkout.isSuccess;

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        checkout.mutate({ kind: 'plan', plan, interval });
      }}
      className="mt-4 space-y-4"
    >
      <fieldset>
        <legend className="text-sm font-medium">{t('interval')}</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {(['month', 'year'] as const).map((value) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name={`${id}-interval`}
                value={value}
                checked={interval === value}
                onChange={() => setPeriod(value)}
                className="h-4 w-4 accent-indigo-400"
              />
              {t(`intervals.${value}`)}
            </label>
          ))}
        </div>
        <p className="mt-1 text-xs text-accent-2">{tp('yearlyNote')}</p>
      </fieldset>
      <div>
        <label htmlFor={`${id}-plan`} className="block text-sm font-medium">
          {t('planLabel')}
        </label>
        <select id={`${id}-plan`} data-testid="billing-plan" value={plan} onChange={(e) => setPlan(e.target.value as PlanId)} className={selectClass}>
          {plans.map((p) => (
            <option key={p.id} value={p.id}>
              {t('planOption', { plan: p.name, price: `${p.price[interval]} ${interval === 'month' ? tp('perMonth') : tp('perYear')}` })}
            </option>
          ))}
        </select>
      </div>
      <Button
        type="submit"
        size="lg"
        className="w-full"
        disabled={busy || !configured}
        aria-describedby={configured ? undefined : `${id}-unavailable`}
        data-testid="billing-checkout"
      >
        {busy ? t('redirecting') : t('checkout')}
      </Button>
      {configured ? null : <NotConfiguredNote id={`${id}-unavailable`} />}
      <ErrorMessage k={errorKey(checkout.error, configured)} />
    </form>
  );
}

/** Done-For-You packages: one-off Checkout payments. */
export function DfyPurchase({
  packages,
  highlight,
  configured,
}: {
  packages: { id: DfyId; name: string; price: string }[];
  highlight: DfyId | null;
  configured: boolean;
}) {
  const t = useTranslations('Billing');
  const id = useId();
  const checkout = api.billing.checkout.useMutation({ onSuccess: go });
  return (
    <div className="mt-4">
      <ul className="space-y-2">
        {packages.map((p) => (
          <li key={p.id}>
            <Button
              variant={highlight === p.id ? 'primary' : 'secondary'}
              className="w-full justify-between"
              disabled={checkout.isPending || checkout.isSuccess || !configured}
              aria-describedby={configured ? undefined : `${id}-unavailable`}
              onClick={() => checkout.mutate({ kind: 'dfy', package: p.id })}
              data-testid={`billing-dfy-${p.id}`}
            >
              {t('dfyBuy', { package: p.name, price: p.price })}
            </Button>
          </li>
        ))}
      </ul>
      {configured ? null : <NotConfiguredNote id={`${id}-unavailable`} />}
      <ErrorMessage k={errorKey(checkout.error, configured)} />
    </div>
  );
}

/**
 * The customer portal, and SPEC B4's "before you go" block: cancelling or downgrading first shows
 * the trial terms, the option to downgrade instead and a way to reach support; only "Continue to
 * cancel" opens the portal's cancellation.
 */
export function ManageSubscription({
  hasBillingAccount,
  configured,
  supportHref,
  supportHours,
}: {
  hasBillingAccount: boolean;
  configured: boolean;
  supportHref: string;
  supportHours: number;
}) {
  const t = useTranslations('Billing');
  const tp = useTranslations('Pricing');
  const id = useId();
  const [leaving, setLeaving] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const portal = api.billing.portal.useMutation({ onSuccess: go });
  const busy = portal.isPending || portal.isSuccess || !configured;
  const why = configured ? undefined : `${id}-unavailable`;

  if (!hasBillingAccount) {
    return (
      <p className="mt-4 text-sm text-fg-muted" data-testid="billing-no-account">
        {t('noBillingAccount')}
      </p>
    );
  }

  return (
    <div className="mt-4">
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" disabled={busy} aria-describedby={why} onClick={() => portal.mutate({ intent: 'manage' })} data-testid="billing-manage">
          {t('manage')}
        </Button>
        <Button
          variant="ghost"
          aria-expanded={leaving}
          aria-controls={`${id}-before`}
          onClick={() => {
            setLeaving(true);
            requestAnimationFrame(() => headingRef.current?.focus());
          }}
          data-testid="billing-cancel"
        >
          {t('cancelOrDowngrade')}
        </Button>
      </div>
      <section
        id={`${id}-before`}
        hidden={!leaving}
        aria-labelledby={`${id}-before-title`}
        className="mt-4 rounded-lg border border-amber-400/30 bg-amber-950/30 p-4"
        data-testid="before-you-go"
      >
        <h3 id={`${id}-before-title`} ref={headingRef} tabIndex={-1} className="text-base font-semibold">
          {t('beforeYouGo.title')}
        </h3>
        <p className="mt-1 text-sm text-fg-muted">{t('beforeYouGo.lead')}</p>
        <dl className="mt-3 space-y-3 text-sm">
          <div>
            <dt className="font-medium">{t('beforeYouGo.trialTitle')}</dt>
            <dd className="text-fg-muted" data-testid="before-you-go-trial">
              {tp('trialText')}
            </dd>
          </div>
          <div>
            <dt className="font-medium">{t('beforeYouGo.downgradeTitle')}</dt>
            <dd className="text-fg-muted">{t('beforeYouGo.downgradeBody')}</dd>
          </div>
          <div>
            <dt className="font-medium">{t('beforeYouGo.supportTitle')}</dt>
            <dd className="text-fg-muted">{t('beforeYouGo.supportBody', { hours: supportHours })}</dd>
          </div>
        </dl>
        <div className="mt-4 flex flex-wrap gap-2">
          <Button disabled={busy} aria-describedby={why} onClick={() => portal.mutate({ intent: 'change' })} data-testid="before-you-go-downgrade">
            {t('beforeYouGo.downgrade')}
          </Button>
          <a href={supportHref} className={buttonClasses('secondary')} data-testid="before-you-go-support">
            {t('beforeYouGo.support')}
          </a>
          <Button variant="ghost" onClick={() => setLeaving(false)}>
            {t('beforeYouGo.keep')}
          </Button>
          <Button variant="danger" disabled={busy} aria-describedby={why} onClick={() => portal.mutate({ intent: 'cancel' })} data-testid="before-you-go-continue">
            {t('beforeYouGo.continue')}
          </Button>
        </div>
      </section>
      {configured ? null : <NotConfiguredNote id={`${id}-unavailable`} />}
      <ErrorMessage k={errorKey(portal.error, configured)} />
    </div>
  );
}
