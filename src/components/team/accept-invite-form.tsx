'use client';

import { useActionState, useId } from 'react';
import { Button } from '~/components/ui/button';
import type { AcceptInviteAction, AcceptInviteTexts } from './types';
import { textInputClass } from '~/components/ui/input';


/**
 * Accepting an invitation: name and password (the e-mail is the invited one). The page passes its
 * texts and the server action in, like the sign-up form: public pages ship no message catalog.
 */
export function AcceptInviteForm({ email, texts: t, accept }: { email: string; texts: AcceptInviteTexts; accept: AcceptInviteAction }) {
  const ids = { email: useId(), name: useId(), password: useId() };
  const [state, action, pending] = useActionState(accept, {});
  return (
    <form action={action} className="space-y-4">
      {state.error ? (
        <p role="alert" className="rounded-lg border border-rose-500/40 bg-rose-950/60 px-3 py-2 text-sm text-rose-100">
          {state.error}
        </p>
      ) : null}
      <div>
        <label htmlFor={ids.email} className="block text-sm font-medium">
          {t.email}
        </label>
        <input id={ids.email} value={email} readOnly className={`${textInputClass} text-fg-muted`} />
      </div>
      <div>
        <label htmlFor={ids.name} className="block text-sm font-medium">
          {t.name}
        </label>
        <input id={ids.name} name="name" required maxLength={120} autoComplete="name" className={textInputClass} />
      </div>
      <div>
        <label htmlFor={ids.password} className="block text-sm font-medium">
          {t.password}
        </label>
        <input
          id={ids.password}
          name="password"
          type="password"
          required
          minLength={10}
          maxLength={200}
          autoComplete="new-password"
          aria-describedby={`${ids.password}-hint`}
          className={textInputClass}
        />
        <p id={`${ids.password}-hint`} className="mt-1 text-xs text-fg-muted">
          {t.passwordHint}
        </p>
      </div>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t.submitting : t.submit}
      </Button>
    </form>
  );
}
