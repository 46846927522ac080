'use server';

import { headers } from 'next/headers';
import { getLocale } from 'next-intl/server';
import { ZodError } from 'zod';
import type { ContactState } from '~/components/support/contact-form';
import { contactSupport } from '~/server/domain/support/tickets';
import { getRateLimiter } from '~/server/domain/scaling/rate-limit';
import { isAppError, safeErrorSummary } from '~/server/errors';
import { getDb } from '~/server/infra/db/client';
import { logger } from '~/server/infra/logger';
import { getMailTransport } from '~/server/infra/mail/transport';
import { env } from '~/env';
import { clientIp } from '~/server/transport/rest/client-ip';

/**
 * The public contact form (SPEC P6): anyone may write; the per-IP "auth" rate class and the
 * domain's per-address hourly allowance keep scripts out. What was typed is kept on a refusal.
 */
export async function contactAction(_prev: ContactState, formData: FormData): Promise<ContactState> {
  const field = (name: string, max: number) => String(formData.get(name) ?? '').slice(0, max);
  const values = { name: field('name', 200), email: field('email', 300).trim(), subject: field('subject', 300), body: field('body', 6000) };
  const decision = await getRateLimiter().check('auth', { ip: clientIp(await headers()) });
  if (!decision.allowed) return { error: 'tooMany', values };
  try {
    const { reference, slaHours } = await contactSupport({ db: getDb(), mail: getMailTransport(), appUrl: env.APP_URL, log: logger }, { ...values, locale: await getLocale() });
    return { sent: { reference, email: values.email.toLowerCase(), hours: slaHours } };
  } catch (error) {
    if (isAppError(error) && error.code === 'TOO_MANY_REQUESTS') return { error: 'tooMany', values };
    if (isAppError(error) || error instanceof ZodError) return { error: 'invalid', values };
    logger.error({ err: safeErrorSummary(error) }, 'contact form failed');
    return { error: 'generic', values };
  }
}
