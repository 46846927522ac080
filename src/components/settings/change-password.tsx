'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useId } from 'react';
import { Button } from '~/components/ui/button';
import { Card, CardDescription, CardTitle } from '~/components/ui/card';
import { textInputClass } from '~/components/ui/input';

export type PasswordChangeError = 'noPassword' | 'wrongCurrent' | 'tooShort' | 'tooLong' | 'sameAsCurrent' | 'mismatch' | 'tooManyAttempts' | 'signedOut' | 'generic';
export type PasswordChangeState = { error?: PasswordChangeError };
type ActionResult = Promise<PasswordChangeState>;
/** The server action (bound by the page). */
type Action = (state: PasswordChangeState, formData: FormData) => ActionResult;

/** Which field an error belongs to: it is shown there (and announced). */
const FIELD_OF: Partial<Record<PasswordChangeError, 'current' | 'new' | 'confirm'>> = {
  wrongCurrent: 'current',
  tooShort: 'new',
  tooLong: 'new',
  sameAsCurrent: 'new',
  mismatch: 'confirm',
};

/** Settings: change the password; other signed-in browsers are signed out (decision 024). */
export function ChangePassword({ action, changed = false }: { action: Action; changed?: boolean }) {
  const t = useTranslations('Settings');
  const [state, submit, pending] = useActionState(action, {});
  const ids = { current: useId(), next: useId(), confirm: useId(), error: useId() };
  const field = state.error ? FIELD_OF[state.error] : undefined;
  const errorText = state.error ? t(`passwordErrors.${state.error}`) : null;
  const fieldProps = (name: 'current' | 'new' | 'confirm') =>
    field === name ? { 'aria-invalid': true as const, 'aria-describedby': ids.error } : {};

  return (
    <Card aria-labelledby="password-title">
      <CardTitle id="password-title">{t('passwordTitle')}</CardTitle>
      <CardDescription>{t('passwordLead')}</CardDescription>
      <form action={submit} className="mt-4 space-y-3" data-testid="change-password">
        {changed && !state.error ? (
          <p role="status" className="rounded-lg border border-emerald-500/40 bg-emerald-950/50 px-3 py-2 text-sm text-emerald-100">
            {t('passwordChanged')}
          </p>
        ) : null}
        {errorText && !field ? (
          <p role="alert" className="rounded-lg border border-rose-500/40 bg-rose-950/60 px-3 py-2 text-sm text-rose-100">
            {errorText}
          </p>
        ) : null}
        <div>
          <label htmlFor={ids.current} className="block text-sm font-medium">
            {t('currentPassword')}
          </label>
          <input id={ids.current} name="currentPassword" type="password" required autoComplete="current-password" maxLength={200} className={textInputClass} {...fieldProps('current')} />
          {field === 'current' ? <FieldError id={ids.error} text={errorText!} /> : null}
        </div>
        <div>
          <label htmlFor={ids.next} className="block text-sm font-medium">
            {t('newPassword')}
          </label>
          <input id={ids.next} name="newPassword" type="password" required minLength={10} autoComplete="new-password" maxLength={200} className={textInputClass} {...fieldProps('new')} />
          {field === 'new' ? <FieldError id={ids.error} text={errorText!} /> : null}
        </div>
        <div>
          <label htmlFor={ids.confirm} className="block text-sm font-medium">
            {t('confirmPassword')}
          </label>
          <input id={ids.confirm} name="confirmPassword" type="password" required autoComplete="new-password" maxLength={200} className={textInputClass} {...fieldProps('confirm')} />
          {field === 'confirm' ? <FieldError id={ids.error} text={errorText!} /> : null}
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? t('changingPassword') : t('changePassword')}
        </Button>
      </form>
    </Card>
  );
}

function FieldError({ id, text }: { id: string; text: string }) {
  return (
    <p id={id} role="alert" className="mt-1 text-sm text-rose-200">
      {text}
    </p>
  );
}
