'use client';

import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { Button, buttonClasses } from '~/components/ui/button';
import { Card, CardDescription, CardTitle } from '~/components/ui/card';
import { useRouter } from '~/i18n/navigation';
import { api } from '~/trpc/react';
import { textInputClass } from '~/components/ui/input';


/**
 * Privacy rights in the dashboard (SPEC P5): download everything as a ZIP of JSON files, or
 * delete the account — password again and DELETE typed, with what it takes along said first.
 */
export function YourData() {
  const t = useTranslations('Settings');
  const ids = { password: useId(), confirm: useId() };
  const router = useRouter();
  const impact = api.account.deletionImpact.useQuery();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  return (
    <>
      <Card aria-labelledby="export-title">
        <CardTitle id="export-title">{t('exportTitle')}</CardTitle>
        <CardDescription>{t('exportLead')}</CardDescription>
        <a href="/api/me/export-data" download className={buttonClasses('secondary', 'md', 'mt-4')} data-testid="export-data">
          {t('exportButton')}
        </a>
      </Card>

      <Card aria-labelledby="delete-title" className="border-rose-500/40">
        <CardTitle id="delete-title">{t('deleteTitle')}</CardTitle>
        <CardDescription>{t('deleteLead', { days: impact.data?.graceDays ?? 30 })}</CardDescription>
        {impact.data?.lastOwner ? (
          <p className="mt-3 rounded-lg border border-amber-500/40 bg-amber-950/40 p-3 text-sm text-amber-100" data-testid="last-owner-warning">
            {t('lastOwner')}
          </p>
        ) : null}
        <form
          className="mt-4 space-y-3"
          onSubmit={async (e) => {
            e.preventDefault();
            setError(null);
            setPending(true);
            const form = new FormData(e.currentTarget);
            try {
              const res = await fetch('/api/me/delete-account', {
                method: 'POST',
                headers: { 'content-type': 'application/json', 'x-levqor-locale': document.documentElement.lang },
                body: JSON.stringify({ password: String(form.get('password') ?? '') || undefined, confirm: String(form.get('confirm') ?? '') }),
              });
              if (res.ok) {
                // Signed out everywhere: back to the home page, rendered without a session.
                router.replace('/');
                router.refresh();
                return;
              }
              const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
              setError(body?.error?.message ?? t('deleteFailed'));
            } catch {
              setError(t('deleteFailed'));
            }
            setPending(false);
          }}
        >
          {error ? (
            <p role="alert" className="rounded-lg border border-rose-500/40 bg-rose-950/60 px-3 py-2 text-sm text-rose-100">
              {error}
            </p>
          ) : null}
          <div>
            <label htmlFor={ids.password} className="block text-sm font-medium">
              {t('password')}
            </label>
            <input id={ids.password} name="password" type="password" autoComplete="current-password" maxLength={200} className={textInputClass} />
          </div>
          <div>
            <label htmlFor={ids.confirm} className="block text-sm font-medium">
              {t('confirmLabel')}
            </label>
            <input id={ids.confirm} name="confirm" required autoComplete="off" maxLength={50} className={textInputClass} />
          </div>
          <Button type="submit" variant="danger" disabled={pending}>
            {t('deleteButton')}
          </Button>
        </form>
      </Card>
    </>
  );
}
