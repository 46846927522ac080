import { describe, expect, it } from 'vitest';
import { addressPolicy } from '~/server/domain/runs/ssrf';
import { describeSchedule, tryStep, validateDraft } from '~/server/domain/workflows/preview';
import { validateSteps } from '~/server/domain/workflows/validation';

const hook = { id: 'start', name: 'Form sent', type: 'webhook_trigger', config: { method: 'POST' } };
const log = (id: string, message = 'done') => ({ id, name: `Log ${id}`, type: 'log', config: { message } });
const policy = addressPolicy('');

/** The first issue's step, field and plain-word message in a locale. */
const first = (steps: unknown[], locale = 'en') => {
  const result = validateSteps(steps, { policy, locale });
  expect(result.steps).toBeNull();
  const issue = result.issues[0]!;
  return { step: issue.step, field: issue.field, text: issue.text, message: issue.message };
};

describe('workflow validation explains itself (SPEC P1)', () => {
  it('accepts a valid workflow', () => {
    expect(validateSteps([hook, log('note')], { policy }).issues).toEqual([]);
  });

  // One row per rule: the steps, then the step and field it lands on, then the words in English and German.
  it.each([
    ['no steps', [], null, 'steps', 'Add at least one step, starting with a trigger.', 'Mindestens einen Schritt hinzufügen'],
    ['no trigger first', [log('a')], 1, 'type', 'Step 1: The first step must be a trigger: a webhook or a schedule.', 'Schritt 1: Der erste Schritt muss ein Auslöser sein'],
    ['a second trigger', [hook, { ...hook, id: 'again' }], 2, 'type', 'Step 2: Only the first step can be a trigger', 'Schritt 2: Nur der erste Schritt'],
    ['a schedule with four parts', [{ id: 's', name: 'S', type: 'schedule_trigger', config: { cron: '0 8 * *' } }], 1, 'cron', 'Step 1: The schedule needs five parts, e.g. 0 8 * * 1', 'Schritt 1: Der Zeitplan braucht fünf Teile, z. B. 0 8 * * 1'],
    ['a schedule out of range', [{ id: 's', name: 'S', type: 'schedule_trigger', config: { cron: '0 25 * * *' } }], 1, 'cron', 'The schedule part 25 is out of range', 'Der Teil 25 des Zeitplans'],
    ['an unknown time zone', [{ id: 's', name: 'S', type: 'schedule_trigger', config: { cron: '0 8 * * 1', timezone: 'Mars/Olympus' } }], 1, 'timezone', 'Mars/Olympus is not a time zone we know', 'Mars/Olympus ist keine bekannte Zeitzone'],
    ['a missing name', [hook, { ...log('a'), name: ' ' }], 2, 'name', 'Step 2: Name is required.', 'Schritt 2: Name fehlt.'],
    ['a duplicate id', [hook, log('a'), log('a')], 3, 'id', 'another step already uses the id a'.replace('another', 'Another'), 'Ein anderer Schritt hat schon die ID a'],
    ['a bad id', [hook, log('Log')], 2, 'id', 'The step id may use lowercase letters', 'Die Schritt-ID besteht aus Kleinbuchstaben'],
    ['a reference to a missing step', [hook, log('a', '{{ steps.nope.x }}')], 2, 'message', 'It reads steps.nope, but there is no step with that id.', 'Hier wird steps.nope gelesen'],
    ['a reference to a later step', [hook, log('a', '{{ steps.b.message }}'), log('b')], 2, 'message', 'It reads steps.b, which runs later', 'der später läuft'],
    ['a condition looping back', [hook, log('a'), { id: 'c', name: 'C', type: 'condition', config: { field: 'x', operator: 'exists', elseStepId: 'a' } }], 3, 'elseStepId', 'Otherwise can only go to a later step', 'Sonst kann nur zu einem späteren Schritt springen'],
    ['a condition to nowhere', [hook, { id: 'c', name: 'C', type: 'condition', config: { field: 'x', operator: 'exists', elseStepId: 'gone' } }], 2, 'elseStepId', 'Otherwise points to a step that does not exist (gone).', 'Sonst verweist auf einen Schritt, den es nicht gibt (gone).'],
    ['a step after "end the run"', [hook, { id: 'end', name: 'End', type: 'stop', config: {} }, log('lost')], 3, 'type', 'Step 3: This step never runs: the step before it ends the run.', 'Schritt 3: Dieser Schritt läuft nie'],
    ['a placeholder reading nothing', [hook, log('a', 'Total {{ orders.body.total }}')], 2, 'message', 'Step 2: It reads orders, but a run has no data called orders', 'Schritt 2: Hier wird orders gelesen'],
    ['a comparison without a value', [hook, { id: 'c', name: 'C', type: 'condition', config: { field: 'body.x', operator: 'equals' } }], 2, 'value', 'This comparison needs a value.', 'Dieser Vergleich braucht einen Wert.'],
    ['a non-http URL', [hook, { id: 'h', name: 'H', type: 'http_request', config: { method: 'GET', url: 'ftp://x.example' } }], 2, 'url', 'The URL must start with https:// or http://.', 'Die URL muss mit https:// oder http:// beginnen.'],
    ['the metadata address', [hook, { id: 'h', name: 'H', type: 'http_request', config: { method: 'GET', url: 'http://169.254.169.254/latest' } }], 2, 'url', '169.254.169.254 is a private or internal address', '169.254.169.254 ist eine private oder interne Adresse'],
    ['loopback', [hook, { id: 'h', name: 'H', type: 'http_request', config: { method: 'GET', url: 'http://localhost:5432/' } }], 2, 'url', 'localhost is a private or internal address', 'localhost ist eine private'],
    ['a private address', [hook, { id: 'h', name: 'H', type: 'http_request', config: { method: 'GET', url: 'http://10.0.0.8/' } }], 2, 'url', '10.0.0.8 is a private', '10.0.0.8 ist eine private'],
    ['a bad recipient', [hook, { id: 'm', name: 'M', type: 'email', config: { to: 'nobody', subject: 's', body: 'b' } }], 2, 'to', 'The recipient must be an e-mail address or a placeholder such as', 'Der Empfänger muss eine E-Mail-Adresse'],
    ['a delay over 30 days', [hook, { id: 'd', name: 'D', type: 'delay', config: { amount: 31, unit: 'days' } }], 2, 'amount', 'A delay can be at most 30 days.', 'höchstens 30 Tage'],
    ['an unknown kind of step', [hook, { id: 'f', name: 'F', type: 'ftp_upload', config: {} }], 2, 'type', 'This kind of step does not exist.', 'Diese Art von Schritt gibt es nicht.'],
    ['an unknown setting', [hook, { ...log('a'), config: { message: 'x', shell: 'rm' } }], 2, 'config', 'This step has no setting called shell', 'Dieser Schritt hat keine Einstellung shell'],
    ['a bad field name', [hook, { id: 't', name: 'T', type: 'transform', config: { mapping: { '1x': 'a' } } }], 2, 'mapping', 'Field names use letters', 'Feldnamen bestehen aus Buchstaben'],
    ['an empty transform', [hook, { id: 't', name: 'T', type: 'transform', config: { mapping: {} } }], 2, 'mapping', 'A transform sets between 1 and 50 fields.', 'Eine Umwandlung setzt zwischen 1 und 50 Feldern.'],
    ['an unclosed placeholder', [hook, log('a', 'Hi {{ body.name')], 2, 'message', 'A placeholder is not closed; write it as {{ body.email }}.', 'Ein Platzhalter ist nicht geschlossen'],
    ['a condition field that is not a path', [hook, { id: 'c', name: 'C', type: 'condition', config: { field: 'the total', operator: 'exists' } }], 2, 'field', 'Write the field as a path such as body.email.', 'Schreiben Sie das Feld als Pfad, z. B. body.email.'],
    ['a text too long', [hook, { ...log('a'), name: 'x'.repeat(81) }], 2, 'name', 'Name can be at most 80 characters.', 'Name darf höchstens 80 Zeichen lang sein.'],
  ])('%s: on the field, in plain words, in two languages', (_label, steps, step, field, english, german) => {
    const en = first(steps as unknown[]);
    expect({ step: en.step, field: en.field }).toEqual({ step, field });
    expect(en.message).toContain(english);
    expect(en.message).not.toMatch(/steps\.\d|config\./);
    expect(first(steps as unknown[], 'de').message).toContain(german);
  });

  it('lets the operator allow-list open an internal address', () => {
    const steps = [hook, { id: 'h', name: 'H', type: 'http_request', config: { method: 'GET', url: 'http://127.0.0.1:8080/x' } }];
    expect(validateSteps(steps, { policy }).issues).toHaveLength(1);
    expect(validateSteps(steps, { policy: addressPolicy('127.0.0.1') }).issues).toEqual([]);
  });

  it('describes a schedule in words with its next three times in its time zone', () => {
    const now = new Date('2026-12-03T17:00:00Z');
    const en = describeSchedule('0 8 * * 1', 'Europe/Berlin', 'en', now)!;
    expect(en.words).toBe('At 08:00 AM, only on Monday');
    expect(en.next.map((d) => d.toISOString())).toEqual(['2026-12-07T07:00:00.000Z', '2026-12-14T07:00:00.000Z', '2026-12-21T07:00:00.000Z']);
    expect(describeSchedule('0 8 * * 1', 'Europe/Berlin', 'de', now)!.words).toBe('Um 08:00, nur jeden Montag');
    expect(describeSchedule('0 99 * * 1', 'UTC', 'en', now)).toBeNull();
    const draft = validateDraft({ now: () => now, policy }, { locale: 'fr' }, { steps: [{ id: 's', name: 'S', type: 'schedule_trigger', config: { cron: '30 6 * * *', timezone: 'UTC' } }] });
    expect(draft.issues).toEqual([]);
    expect(draft.schedules[0]).toMatchObject({ stepId: 's', timezone: 'UTC' });
    expect(draft.schedules[0]!.next[0]!.toISOString()).toBe('2026-12-04T06:30:00.000Z');
  });

  it('tries a condition and a transform against sample input', () => {
    const condition = { id: 'vip', name: 'VIP?', type: 'condition', config: { field: 'body.tier', operator: 'equals', value: 'gold', elseStepId: 'later' } };
    expect(tryStep({}, { step: condition, sample: { tier: 'gold' } })).toEqual({ type: 'condition', result: true, next: 'next', actual: 'gold' });
    expect(tryStep({}, { step: condition, sample: { tier: 'tin' } })).toMatchObject({ result: false, next: 'later' });
    const transform = { id: 't', name: 'T', type: 'transform', config: { mapping: { 'customer.email': '{{ body.email }}', total: '{{ body.n }}' } } };
    expect(tryStep({}, { step: transform, sample: { email: 'a@b.example', n: 3 } })).toEqual({ type: 'transform', output: { customer: { email: 'a@b.example' }, total: 3 } });
    expect(() => tryStep({ locale: 'de' }, { step: { ...condition, config: { field: 'x', operator: 'equals' } }, sample: {} })).toThrow('Dieser Vergleich braucht einen Wert.');
  });
});
