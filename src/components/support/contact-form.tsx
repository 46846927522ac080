'use client';

import { useActionState, useId } from 'react';
import { ErrorAlert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { textAreaClass, textInputClass } from '~/components/ui/input';

type Values = { name: string; email: string; subject: string; body: string };
export type ContactState = { error?: 'invalid' | 'tooMany' | 'generic'; values?: Values; sent?: { reference: string; email: string; hours: number } };
type ContactResult = Promise<ContactState>;
type ContactAction = (state: ContactState, form: FormData) => ContactResult;
export type ContactTexts = {
  name: string;
  email: string;
  subject: string;
  message: string;
  submit: string;
  sending: string;
  sent: string;
  errors: Record<NonNullable<ContactState['error']>, string>;
};

/** The public contact form: a ticket with Starter's reply time, answered by e-mail. */
export function ContactForm({ action, texts: t }: { action: ContactAction; texts: ContactTexts }) {
  const [state, submit, pending] = useActionState(action, {});
  const ids = { name: useId(), email: useId(), subject: useId(), body: useId() };
  if (state.sent) {
    const { reference, email, hours } = state.sent;
    return (
      <p role="status" data-testid="contact-sent" className="rounded-lg border border-emerald-500/40 bg-emerald-950/50 px-3 py-2 text-sm text-emerald-100">
        {t.sent.replace('{reference}', reference).replace('{email}', email).replace('{hours}', String(hours))}
      </p>
    );
  }
  const v = state.values;
  return (
    <form action={submit} className="space-y-4">
      {state.error ? <ErrorAlert>{t.errors[state.error]}</ErrorAlert> : null}
      <div>
        <label htmlFor={ids.name} className="block text-sm font-medium">
          {t.name}
        </label>
        <input id={ids.name} name="name" required maxLength={120} autoComplete="name" defaultValue={v?.name} className={textInputClass} />
      </div>
      <div>
        <label htmlFor={ids.email} className="block text-sm font-medium">
          {t.email}
        </label>
        <input id={ids.email} name="email" type="email" required maxLength={254} autoComplete="email" defaultValue={v?.email} className={textInputClass} />
      </div>
      <div>
        <label htmlFor={ids.subject} className="block text-sm font-medium">
          {t.subject}
        </label>
        <input id={ids.subject} name="subject" required minLength={3} maxLength={150} defaultValue={v?.subject} className={textInputClass} />
      </div>
      <div>
        <label htmlFor={ids.body} className="block text-sm font-medium">
          {t.message}
        </label>
        <textarea id={ids.body} name="body" required minLength={10} maxLength={5000} rows={6} defaultValue={v?.body} className={textAreaClass} />
      </div>
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? t.sending : t.submit}
      </Button>
    </form>
  );
}
