import { describe, expect, it } from 'vitest';
import { sendMailVia, type MailMessage, type MailTransport } from '~/server/infra/mail/transport';

describe('sendMailVia', () => {
  it('gives nothing to send with when no transport is configured', () => {
    expect(sendMailVia({ kind: 'none', send: async () => ({ id: null }) })).toBeUndefined();
  });

  it('sends through a configured transport', async () => {
    const sent: MailMessage[] = [];
    const smtp: MailTransport = { kind: 'smtp', send: async (m) => (sent.push(m), { id: '1' }) };
    await sendMailVia(smtp)!({ to: ['a@example.test'], subject: 'Weekly report', text: '...' });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toBe('Weekly report');
  });
});
