import type { MailTransport } from '~/server/infra/mail/transport';
import type { AddressPolicy } from '../ssrf';
import type { RunContext } from '../template';

/** What every executor gets: the run's data so far and the world it may touch. */
export type StepEnv = {
  ctx: RunContext;
  /** Stable per run and step, the same on every attempt (sent as Idempotency-Key). */
  idempotencyKey: string;
  now: Date;
  http: { policy: AddressPolicy; maxResponseBytes: number };
  mail: MailTransport;
  /** Opens the run's workspace secrets by name (http_request only); absent: none configured. */
  secrets?: (names: string[]) => Promise<Map<string, string>>;
};

export type StepOutcome =
  | { kind: 'done'; input: unknown; output: unknown }
  | { kind: 'wait'; input: unknown; output: { resumeAt: string }; resumeAt: Date };
