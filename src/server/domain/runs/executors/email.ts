import { z } from 'zod';
import { renderTemplate } from '../template';
import { StepFailure } from '../step-failure';
import type { StepEnv, StepOutcome } from './types';

/**
 * `email`: through the configured transport only. Without one, the step records "not sent: no
 * transport" and the run goes on. The step's idempotency key goes to the provider (Resend drops a
 * duplicate); a finished step is never executed again, so a retry of the run does not resend.
 */
export async function runEmailStep(config: { to: string; subject: string; body: string }, env: StepEnv): Promise<StepOutcome> {
  const to = renderTemplate(config.to, env.ctx).trim();
  const subject = renderTemplate(config.subject, env.ctx).slice(0, 300);
  const text = renderTemplate(config.body, env.ctx).slice(0, 50_000);
  const input = { to, subject };
  if (!z.email().safeParse(to).success) throw new StepFailure(`"${to.slice(0, 80) || '(empty)'}" is not an e-mail address.`, false);
  if (env.mail.kind === 'none') return { kind: 'done', input, output: { sent: false, reason: 'not sent: no transport' } };
  try {
    const { id } = await env.mail.send({ to, subject, text, idempotencyKey: env.idempotencyKey });
    return { kind: 'done', input, output: { sent: true, transport: env.mail.kind, messageId: id } };
  } catch (error) {
    throw new StepFailure(`The e-mail could not be sent: ${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}`, true);
  }
}
