import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '~/server/errors';
import { createLogger } from '~/server/infra/logger';
import { createMailTransport, getMailTransport, NO_TRANSPORT_MESSAGE } from '~/server/infra/mail/transport';

/**
 * The e-mail adapter (DEV_SAFETY §2): the real nodemailer against a local SMTP server
 * (smtp-server) and the real Resend SDK against a local HTTP server speaking POST /emails.
 */
type Received = { from: string; to: string[]; raw: string };

async function startSmtp() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { received, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

type ResendRequest = { method: string; path: string; headers: IncomingMessage['headers']; body: Record<string, unknown> };

async function startResend(reply: (req: ResendRequest) => { status: number; body: unknown }) {
  const requests: ResendRequest[] = [];
  const server: Server = createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString('utf8')));
    req.on('end', () => {
      const request = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: data ? (JSON.parse(data) as Record<string, unknown>) : {} };
      requests.push(request);
      const { status, body } = reply(request);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { requests, url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A logger writing to memory, to see exactly what the adapter logs. */
function memoryLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { log: createLogger(stream), text: () => lines.join('') };
}

const smtp = await startSmtp();
let resendId = 0;
const resend = await startResend((req) =>
  req.path === '/emails' && req.method === 'POST'
    ? req.body.to && JSON.stringify(req.body.to).includes('refuse@')
      ? { status: 422, body: { statusCode: 422, name: 'validation_error', message: 'The to field is invalid.' } }
      : { status: 200, body: { id: `re_${++resendId}` } }
    : { status: 404, body: { statusCode: 404, name: 'not_found', message: 'Not found' } },
);
afterAll(async () => {
  await smtp.close();
  await resend.close();
});

const message = {
  to: 'ada.lovelace@example.test',
  subject: 'Welcome to Levqor, Analytical Engines — get started',
  text: 'Hi Analytical Engines team,\n\nA secret body that must never be logged.',
};

describe('mail transport (DEV_SAFETY §2)', () => {
  beforeAll(() => {
    smtp.received.length = 0;
  });

  it('without Resend or SMTP is "none" and refuses to send', async () => {
    const mail = createMailTransport({ resendApiKey: undefined, smtpUrl: undefined });
    expect(mail.kind).toBe('none');
    const error = await mail.send(message).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('SERVICE_UNAVAILABLE');
    expect((error as Error).message).toBe(NO_TRANSPORT_MESSAGE);
  });

  it('the process-wide transport follows env (none in the test environment) and is reused', () => {
    expect(getMailTransport().kind).toBe('none');
    expect(getMailTransport()).toBe(getMailTransport());
  });

  it('sends through SMTP with nodemailer, from MAIL_FROM, logging only a masked address and lengths', async () => {
    const memory = memoryLogger();
    const mail = createMailTransport({ resendApiKey: undefined, smtpUrl: smtp.url, from: 'Levqor <hello@levqor.test>', log: memory.log });
    expect(mail.kind).toBe('smtp');
    const { id } = await mail.send(message);
    expect(id).toBeTruthy();
    expect(smtp.received).toHaveLength(1);
    const got = smtp.received[0]!;
    expect(got.to).toEqual(['ada.lovelace@example.test']);
    expect(got.from).toBe('hello@levqor.test');
    expect(got.raw).toMatch(/^To: ada\.lovelace@example\.test/m);
    expect(got.raw).toContain('A secret body that must never be logged.');

    const logged = memory.text();
    expect(logged).toContain('a***@example.test');
    expect(logged).toContain(`"textLength":${message.text.length}`);
    expect(logged).not.toContain('ada.lovelace');
    expect(logged).not.toContain('secret body');
    expect(logged).not.toContain('Analytical Engines');
  });

  it('sends to several recipients in one message', async () => {
    const mail = createMailTransport({ resendApiKey: undefined, smtpUrl: smtp.url });
    smtp.received.length = 0;
    await mail.send({ ...message, to: ['one@example.test', 'two@example.test'] });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to.sort()).toEqual(['one@example.test', 'two@example.test']);
  });

  it('reports an unreachable SMTP server as SERVICE_UNAVAILABLE without the address in the message', async () => {
    const closed = await startSmtp();
    await closed.close();
    const mail = createMailTransport({ resendApiKey: undefined, smtpUrl: closed.url, timeoutMs: 2000 });
    const error = await mail.send(message).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('SERVICE_UNAVAILABLE');
    expect((error as Error).message).not.toContain('@');
  });

  it('prefers Resend when its key is set, through the real SDK (POST /emails, bearer key, idempotency key)', async () => {
    const memory = memoryLogger();
    const mail = createMailTransport({
      resendApiKey: 're_test_key_123',
      resendBaseUrl: resend.url,
      smtpUrl: smtp.url,
      from: 'Levqor <hello@levqor.test>',
      log: memory.log,
    });
    expect(mail.kind).toBe('resend');
    smtp.received.length = 0;
    resend.requests.length = 0;
    const { id } = await mail.send({ ...message, html: '<p>Hi</p>', idempotencyKey: 'marketing-draft/abc' });
    expect(id).toBe(`re_${resendId}`);
    expect(smtp.received).toHaveLength(0);
    expect(resend.requests).toHaveLength(1);
    const req = resend.requests[0]!;
    expect(req).toMatchObject({ method: 'POST', path: '/emails' });
    expect(req.headers.authorization).toBe('Bearer re_test_key_123');
    expect(req.headers['idempotency-key']).toBe('marketing-draft/abc');
    expect(req.body).toMatchObject({ from: 'Levqor <hello@levqor.test>', to: ['ada.lovelace@example.test'], subject: message.subject, text: message.text, html: '<p>Hi</p>' });
    const logged = memory.text();
    expect(logged).toContain('"transport":"resend"');
    expect(logged).not.toContain('ada.lovelace');
    expect(logged).not.toContain('secret body');
  });

  it('turns a Resend refusal into SERVICE_UNAVAILABLE', async () => {
    const mail = createMailTransport({ resendApiKey: 're_test_key_123', resendBaseUrl: resend.url });
    const error = await mail.send({ ...message, to: 'refuse@example.test' }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('SERVICE_UNAVAILABLE');
    expect((error as Error).message).toContain('validation_error');
    expect((error as Error).message).not.toContain('refuse@');
  });

  it('refuses a message without recipients', async () => {
    const mail = createMailTransport({ resendApiKey: undefined, smtpUrl: smtp.url });
    const error = await mail.send({ ...message, to: [] }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('BAD_REQUEST');
  });
});
