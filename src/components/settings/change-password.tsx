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

const FIELDS = [
  { which: 'current', name: 'currentPassword', autoComplete: 'current-password', label: 'currentPassword' },
  { which: 'new', name: 'newPassword', autoComplete: 'new-password', label: 'newPassword' },
  { which: 'confirm', name: 'confirmPassword', autoComplete: 'new-password', label: 'confirmPassword' },
] as const;

/** Settings: change the password; other signed-in browsers are signed out (decision 024). */
export function ChangePassword({ action, changed = false }: { action: Action; changed?: boolean }) {
  const t = useTranslations('Settings');
  const [state, submit, pending] = useActionState(action, {});
  const ids = { current: useId(), new: useId(), confirm: useId(), error: useId() };
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
        {FIELDS.map(({ which, name, autoComplete, label }) => (
          <div key={name}>
            <label htmlFor={ids[which]} className="block text-sm font-medium">
              {t(label)}
            </label>
            <input
              id={ids[which]}
              name={name}
              type="password"
              required
              minLength={which === 'new' ? 10 : undefined}
              autoComplete={autoComplete}
              maxLength={200}
              className={textInputClass}
              {...fieldProps(which)}
            />
            {field === which ? <FieldError id={ids.error} text={errorText!} /> : null}
          </div>
        ))}
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
