'use client';

import { useActionState, useId } from 'react';
import { Button } from '~/components/ui/button';

const inputClass =
  'mt-1 block h-11 w-full rounded-lg border border-border bg-surface-raised px-3 text-base text-fg placeholder:text-slate-500';

export function Field({
  label,
  hint,
  ...props
}: React.InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-fg">
        {label}
      </label>
      <input id={id} className={inputClass} aria-describedby={hint ? `${id}-hint` : undefined} {...props} />
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-fg-muted">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Texts arrive translated from the server page (messages/ Auth.*), so the sign-in and sign-up
 * pages do not load the i18n runtime in the browser.
 */
export type { AuthErrorKey, AuthFormState, AuthFormAction } from './types';
import type { AuthErrorKey, AuthFormAction, AuthFormState } from './types';

export type AuthFormTexts = {
  name: string;
  email: string;
  password: string;
  passwordHint: string;
  company: string;
  submitSignIn: string;
  submitSignUp: string;
  submitting: string;
  errors: Record<AuthErrorKey, string>;
};

function FormError({ state, errors }: { state: AuthFormState; errors: AuthFormTexts['errors'] }) {
  if (!state.error) return null;
  return (
    <p role="alert" data-testid="auth-error" className="rounded-lg border border-rose-500/40 bg-rose-950/60 px-3 py-2 text-sm text-rose-100">
      {errors[state.error]}
    </p>
  );
}

export function SignInForm({ callbackUrl, texts: t, signIn }: { callbackUrl?: string; texts: AuthFormTexts; signIn: AuthFormAction }) {
  const [state, action, pending] = useActionState(signIn, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormError state={state} errors={t.errors} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <Field label={t.email} name="email" type="email" autoComplete="email" required defaultValue={state.email} />
      <Field label={t.password} name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? t.submitting : t.submitSignIn}
      </Button>
    </form>
  );
}

/** `carry`: hidden fields the sign-up keeps from the URL (UTM tags, the plan chosen on /pricing). */
export function SignUpForm({ carry, texts: t, signUp }: { carry: Record<string, string>; texts: AuthFormTexts; signUp: AuthFormAction }) {
  const [state, action, pending] = useActionState(signUp, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormError state={state} errors={t.errors} />
      {Object.entries(carry).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <Field label={t.name} name="name" autoComplete="name" required maxLength={100} defaultValue={state.name} />
      <Field label={t.email} name="email" type="email" autoComplete="email" required defaultValue={state.email} />
      <Field
        label={t.password}
        hint={t.passwordHint}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
      />
      <Field label={t.company} name="companyName" autoComplete="organization" maxLength={100} defaultValue={state.companyName} />
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? t.submitting : t.submitSignUp}
      </Button>
    </form>
  );
}
