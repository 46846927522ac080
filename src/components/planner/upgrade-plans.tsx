'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { Button } from '~/components/ui/button';
import { Card } from '~/components/ui/card';
import { useToast } from '~/components/ui/toast';
import { cn } from '~/lib/cn';
import { api } from '~/trpc/react';

const STATUSES = ['open', 'in_progress', 'applied', 'archived'] as const;
const CATEGORIES = ['performance', 'reliability', 'i18n', 'ux', 'pricing', 'security'] as const;
type Status = (typeof STATUSES)[number];
type Category = (typeof CATEGORIES)[number];

const selectClass = 'h-9 rounded-lg border border-border bg-surface-raised px-2 text-sm text-fg';

/** SPEC P7 for admins: the planner's design-only plans, worded here from their figures; moved by hand. */
export function UpgradePlans() {
  const t = useTranslations('Planner');
  const format = useFormatter();
  const toast = useToast();
  const utils = api.useUtils();
  const ids = { status: useId(), category: useId() };
  const [status, setStatus] = useState<Status | ''>('');
  const [category, setCategory] = useState<Category | ''>('');
  const plans = api.planner.plans.useQuery({ status: status || undefined, category: category || undefined, limit: 100 });
  const rebuild = api.admin.runJob.useMutation({ onSuccess: () => toast.show(t('rebuildQueued')) });
  const move = api.planner.setStatus.useMutation({
    onSuccess: async (r) => {
      toast.show(t('moved', { status: t(`statuses.${r.status}`) }));
      await utils.planner.plans.invalidate();
    },
    onError: (e) => toast.show(e.message),
  });
  const data = plans.data;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={ids.status} className="block text-sm text-fg-muted">
            {t('statusFilter')}
          </label>
          <select id={ids.status} value={status} onChange={(e) => setStatus(e.target.value as Status | '')} className={selectClass}>
            <option value="">{t('live')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.category} className="block text-sm text-fg-muted">
            {t('categoryFilter')}
          </label>
          <select id={ids.category} value={category} onChange={(e) => setCategory(e.target.value as Category | '')} className={selectClass}>
            <option value="">{t('allCategories')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`categories.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <Button type="button" variant="secondary" disabled={rebuild.isPending} onClick={() => rebuild.mutate({ job: 'upgrade-planner' })}>
          {t('rebuild')}
        </Button>
      </div>

      {data ? (
        <ul className="flex flex-wrap gap-2 text-xs" data-testid="plan-summary">
          {STATUSES.map((s) => (
            <li key={s} className="rounded-full border border-border bg-surface px-2.5 py-1">
              {t(`statuses.${s}`)}: {data.summary.byStatus[s]}
            </li>
          ))}
          {CATEGORIES.filter((c) => data.summary.byCategory[c] > 0).map((c) => (
            <li key={c} className="rounded-full border border-accent/40 bg-surface px-2.5 py-1">
              {t(`categories.${c}`)}: {data.summary.byCategory[c]}
            </li>
          ))}
        </ul>
      ) : null}

      {data?.plans.length ? (
        <ol className="space-y-3">
          {data.plans.map((plan) => {
            const values = { ...plan.evidence, subject: plan.subject === '*' ? t('allEndpoints') : plan.subject };
            return (
              <li key={plan.id}>
                <Card data-testid="upgrade-plan" data-kind={plan.kind} data-status={plan.status}>
                  <div className="flex flex-wrap items-center gap-2 text-xs">
                    <span className={cn('rounded-full px-2 py-0.5 font-semibold', plan.priority <= 2 ? 'bg-rose-900/60 text-rose-100' : 'bg-surface-raised text-fg')}>
                      {t('priority', { priority: plan.priority })}
                    </span>
                    <span className="rounded-full bg-surface-raised px-2 py-0.5">{t(`categories.${plan.category}`)}</span>
                    <span className="rounded-full bg-surface-raised px-2 py-0.5">{t(`risks.${plan.risk}`)}</span>
                    <span className="rounded-full bg-surface-raised px-2 py-0.5">{t(`statuses.${plan.status}`)}</span>
                    <span className="rounded-full border border-border px-2 py-0.5 text-fg-muted">{t('designOnly')}</span>
                  </div>
                  <h2 className="mt-2 text-lg font-semibold">{t(`kinds.${plan.kind}.title`, values)}</h2>
                  <p className="mt-1 text-sm">
                    <span className="font-medium">{t('why')}: </span>
                    {t(`kinds.${plan.kind}.why`, values)}
                  </p>
                  <p className="mt-2 text-sm font-medium">{t('steps')}</p>
                  <ol className="mt-1 list-decimal space-y-1 pl-5 text-sm text-fg-muted">
                    {t(`kinds.${plan.kind}.steps`, values)
                      .split('\n')
                      .map((step) => (
                        <li key={step}>{step}</li>
                      ))}
                  </ol>
                  <p className="mt-2 text-xs text-fg-muted">
                    {t('seen', {
                      first: format.dateTime(plan.firstSeenAt, { dateStyle: 'medium', timeStyle: 'short' }),
                      last: format.dateTime(plan.lastSeenAt, { dateStyle: 'medium', timeStyle: 'short' }),
                      count: plan.occurrences,
                    })}
                  </p>
                  <PlanMove current={plan.status} pending={move.isPending} onMove={(to) => move.mutate({ id: plan.id, status: to })} />
                </Card>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="text-sm text-fg-muted">{plans.isPending ? null : t('empty')}</p>
      )}
    </div>
  );
}

function PlanMove({ current, pending, onMove }: { current: Status; pending: boolean; onMove: (to: Status) => void }) {
  const t = useTranslations('Planner');
  const id = useId();
  const [to, setTo] = useState<Status>(current === 'open' ? 'in_progress' : current === 'in_progress' ? 'applied' : 'open');
  return (
    <form
      className="mt-3 flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onMove(to);
      }}
    >
      <div>
        <label htmlFor={id} className="block text-xs text-fg-muted">
          {t('moveTo')}
        </label>
        <select id={id} value={to} onChange={(e) => setTo(e.target.value as Status)} className={selectClass}>
          {STATUSES.filter((s) => s !== current).map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" size="sm" disabled={pending}>
        {t('move')}
      </Button>
    </form>
  );
}
