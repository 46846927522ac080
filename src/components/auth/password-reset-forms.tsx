'use client';

import { useActionState } from 'react';
import { ErrorAlert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { Field } from './auth-forms';

export type ResetErrorKey = 'invalidEmail' | 'tooShort' | 'tooLong' | 'mismatch' | 'tooManyAttempts' | 'generic' | 'expired' | 'used' | 'unknown';
export type ForgotState = { error?: ResetErrorKey; sentTo?: string; noMail?: boolean; email?: string };
export type ResetState = { error?: ResetErrorKey };
type ForgotResult = Promise<ForgotState>;
type ResetResult = Promise<ResetState>;
type ForgotAction = (s: ForgotState, f: FormData) => ForgotResult;
type ResetAction = (s: ResetState, f: FormData) => ResetResult;

export type ResetTexts = {
  email: string;
  submit: string;
  submitting: string;
  sent: string;
  noMail: string;
  newPassword: string;
  confirmPassword: string;
  resetSubmit: string;
  resetting: string;
  errors: Record<ResetErrorKey, string>;
};

const Alert = ({ text }: { text: string }) => <ErrorAlert testId="reset-error">{text}</ErrorAlert>;

/** "Forgot password": the address, then the same answer whether or not an account exists. */
export function ForgotPasswordForm({ action, texts: t }: { action: ForgotAction; texts: ResetTexts }) {
  const [state, submit, pending] = useActionState(action, {});
  if (state.noMail) return <Alert text={t.noMail} />;
  if (state.sentTo) {
    return (
      <p role="status" data-testid="reset-sent" className="rounded-lg border border-emerald-500/40 bg-emerald-950/50 px-3 py-2 text-sm text-emerald-100">
        {t.sent.replace('{email}', state.sentTo)}
      </p>
    );
  }
  return (
    <form action={submit} className="space-y-4" noValidate>
      {state.error ? <Alert text={t.errors[state.error]} /> : null}
      <Field label={t.email} name="email" type="email" autoComplete="email" required defaultValue={state.email} />
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? t.submitting : t.submit}
      </Button>
    </form>
  );
}

/** The link's page: the new password twice. */
export function ResetPasswordForm({ action, texts: t }: { action: ResetAction; texts: ResetTexts }) {
  const [state, submit, pending] = useActionState(action, {});
  return (
    <form action={submit} className="space-y-4" noValidate>
      {state.error ? <Alert text={t.errors[state.error]} /> : null}
      <Field label={t.newPassword} name="newPassword" type="password" autoComplete="new-password" required />
      <Field label={t.confirmPassword} name="confirmPassword" type="password" autoComplete="new-password" required />
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? t.resetting : t.resetSubmit}
      </Button>
    </form>
  );
}
