import nodemailer from 'nodemailer';
import { Resend } from 'resend';
import { env } from '~/env';
import { AppError } from '~/server/errors';
import { logger, maskEmail, type Logger } from '~/server/infra/logger';

/**
 * The e-mail transport adapter (DEV_SAFETY §2, SPEC §2): Resend through its official SDK when
 * RESEND_API_KEY is set, else SMTP through nodemailer when SMTP_URL is set, else `none`, whose
 * `send` refuses. Callers decide *whether* to send (marketing drafts need an admin's approval);
 * this module only decides *how*.
 *
 * Logs never hold a full address (maskEmail) nor a subject or body (lengths only).
 */
export type MailTransportKind = 'resend' | 'smtp' | 'none';

export type MailMessage = {
  to: string | string[];
  subject: string;
  text: string;
  html?: string;
  /**
   * Lets a provider drop a duplicate of the same logical message (Resend's Idempotency-Key,
   * kept 24 h). SMTP has no such thing; callers must still claim before sending.
   */
  idempotencyKey?: string;
};

export type MailTransport = {
  readonly kind: MailTransportKind;
  /** Resolves with the provider's message id; rejects with an AppError when nothing was sent. */
  send(msg: MailMessage): Promise<{ id: string | null }>;
};

export type MailTransportOptions = {
  /** Each option overrides its env variable; pass `undefined` explicitly to switch one off. */
  resendApiKey?: string;
  /** Where the Resend SDK sends requests (tests: a local server speaking POST /emails). */
  resendBaseUrl?: string;
  smtpUrl?: string;
  from?: string;
  log?: Logger;
  /** Milliseconds before an SMTP connection or command gives up (default 10 s). */
  timeoutMs?: number;
};

export const NO_TRANSPORT_MESSAGE = 'No e-mail transport is configured';

export function createMailTransport(opts: MailTransportOptions = {}): MailTransport {
  const cfg = {
    resendApiKey: env.RESEND_API_KEY,
    resendBaseUrl: env.RESEND_BASE_URL,
    smtpUrl: env.SMTP_URL,
    from: env.MAIL_FROM,
    log: logger.child({ module: 'mail' }),
    timeoutMs: 10_000,
    ...opts,
  };
  const log = cfg.log;
  const from = cfg.from ?? env.MAIL_FROM;

  if (cfg.resendApiKey) {
    const resend = new Resend(cfg.resendApiKey, cfg.resendBaseUrl ? { baseUrl: cfg.resendBaseUrl.replace(/\/+$/, '') } : undefined);
    return {
      kind: 'resend',
      async send(msg) {
        const recipients = toList(msg.to);
        const { data, error } = await resend.emails.send(
          { from, to: recipients, subject: msg.subject, text: msg.text, ...(msg.html ? { html: msg.html } : {}) },
          msg.idempotencyKey ? { idempotencyKey: msg.idempotencyKey } : {},
        );
        if (error || !data) {
          // Provider messages describe the request (never the body); keep only name and status.
          const status = error?.statusCode ?? null;
          log.warn({ transport: 'resend', to: recipients.map(maskEmail), status, reason: error?.name ?? 'no_data' }, 'mail refused');
          throw new AppError('SERVICE_UNAVAILABLE', `E-mail provider refused the message (${error?.name ?? 'no response'})`, { cause: error });
        }
        log.info({ transport: 'resend', to: recipients.map(maskEmail), ...sizes(msg), id: data.id }, 'mail sent');
        return { id: data.id ?? null };
      },
    };
  }

  if (cfg.smtpUrl) {
    const transporter = nodemailer.createTransport(cfg.smtpUrl, {
      from,
      connectionTimeout: cfg.timeoutMs,
      greetingTimeout: cfg.timeoutMs,
      socketTimeout: cfg.timeoutMs,
    });
    return {
      kind: 'smtp',
      async send(msg) {
        const recipients = toList(msg.to);
        try {
          const info = await transporter.sendMail({
            from,
            to: recipients,
            subject: msg.subject,
            text: msg.text,
            ...(msg.html ? { html: msg.html } : {}),
          });
          log.info({ transport: 'smtp', to: recipients.map(maskEmail), ...sizes(msg), id: info.messageId ?? null }, 'mail sent');
          return { id: info.messageId ?? null };
        } catch (error) {
          const code = (error as { code?: unknown }).code;
          log.warn({ transport: 'smtp', to: recipients.map(maskEmail), reason: typeof code === 'string' ? code : 'error' }, 'mail refused');
          throw new AppError('SERVICE_UNAVAILABLE', `SMTP server refused the message (${typeof code === 'string' ? code : 'error'})`, { cause: error });
        }
      },
    };
  }

  return {
    kind: 'none',
    async send() {
      throw new AppError('SERVICE_UNAVAILABLE', NO_TRANSPORT_MESSAGE);
    },
  };
}

function toList(to: string | string[]): string[] {
  const list = (Array.isArray(to) ? to : [to]).map((a) => a.trim()).filter(Boolean);
  if (list.length === 0) throw new AppError('BAD_REQUEST', 'An e-mail needs at least one recipient');
  return list;
}

const sizes = (msg: MailMessage) => ({
  subjectLength: msg.subject.length,
  textLength: msg.text.length,
  htmlLength: msg.html?.length ?? 0,
});

// One transport per process (connections and SDK clients are reused), from env.
const globalForMail = globalThis as unknown as { levqorMail?: MailTransport };
export function getMailTransport(): MailTransport {
  globalForMail.levqorMail ??= createMailTransport();
  return globalForMail.levqorMail;
}

/**
 * A plain send function for domain code that e-mails only when a transport is configured
 * (e.g. the weekly report): undefined when there is none, so nothing is ever sent.
 */
export function sendMailVia(transport: MailTransport): ((msg: MailMessage) => Promise<void>) | undefined {
  if (transport.kind === 'none') return undefined;
  return async (msg) => {
    await transport.send(msg);
  };
}
