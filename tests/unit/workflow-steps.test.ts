import { describe, expect, it } from 'vitest';
import { STEP_TYPES, workflowStepsSchema, type WorkflowStepInput } from '~/server/domain/workflows/steps';

const valid: WorkflowStepInput[] = [
  { id: 'start', name: 'Form submitted', type: 'webhook_trigger', config: { method: 'POST' } },
  { id: 'wait', name: 'Wait', type: 'delay', config: { amount: 2, unit: 'hours' } },
  { id: 'check', name: 'Is VIP?', type: 'condition', config: { field: 'body.lead.tier', operator: 'equals', value: 'vip', elseStepId: 'log' } },
  { id: 'call', name: 'Call CRM', type: 'http_request', config: { method: 'POST', url: 'https://crm.example.com/api/{{ body.lead.id }}' } },
  { id: 'shape', name: 'Shape', type: 'transform', config: { mapping: { fullName: '{{ body.lead.first }} {{ body.lead.last }}' } } },
  { id: 'mail', name: 'Mail', type: 'email', config: { to: '{{ body.lead.email }}', subject: 'Hi', body: 'Hello' } },
  { id: 'log', name: 'Log', type: 'log', config: { message: 'done' } },
];

const issues = (steps: unknown) => {
  const r = workflowStepsSchema.safeParse(steps);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('workflow step schema (SPEC P1)', () => {
  it('rejects a step type it does not know, naming the type', () => {
    expect(STEP_TYPES).toContain('stop');
    expect(issues([valid[0], { id: 'x', name: 'X', type: 'ftp_upload', config: {} }]).join(' ')).toContain('1.type');
  });

  it('lets an "end the run" step close a condition\'s true side, with the otherwise step after it', () => {
    const steps = [
      valid[0],
      { id: 'check', name: 'VIP?', type: 'condition', config: { field: 'body.tier', operator: 'equals', value: 'vip', elseStepId: 'other' } },
      { id: 'vip', name: 'VIP', type: 'log', config: { message: 'vip' } },
      { id: 'end', name: 'End', type: 'stop', config: {} },
      { id: 'other', name: 'Other', type: 'log', config: { message: 'other' } },
    ];
    expect(issues(steps)).toEqual([]);
  });

  it('refuses a placeholder whose data no trigger or earlier step provides; a field an earlier transform set is fine', () => {
    const hook = valid[0];
    const shape = { id: 'shape', name: 'Shape', type: 'transform', config: { mapping: { total: '{{ body.amount }}' } } };
    expect(issues([hook, shape, { id: 'log', name: 'Log', type: 'log', config: { message: 'Total {{ total }} for {{ body.name }} {{ steps.shape.total }}' } }])).toEqual([]);
    expect(issues([hook, { id: 'log', name: 'Log', type: 'log', config: { message: 'Total {{ orders.body.total }}' } }])).toEqual(['1.config.message: Step 2 reads "orders", which no trigger or earlier step provides']);
    expect(issues([hook, { id: 'log', name: 'Log', type: 'log', config: { message: '{{ total }}' } }, shape])).toEqual(['1.config.message: Step 2 reads "total", which no trigger or earlier step provides']);
    expect(issues([hook, { id: 'c', name: 'C', type: 'condition', config: { field: 'amount', operator: 'exists' } }])).toEqual(['1.config.field: Step 2 reads "amount", which no trigger or earlier step provides']);
  });

  it('refuses a step no run can reach (right after "end the run", and no condition jumps to it)', () => {
    const steps = [valid[0], { id: 'end', name: 'End', type: 'stop', config: {} }, { id: 'lost', name: 'Lost', type: 'log', config: { message: 'x' } }];
    expect(issues(steps)).toEqual(['2.type: Step 3 never runs: the step before it ends the run']);
  });

  it('accepts a workflow using every kind of step and fills defaults', () => {
    const parsed = workflowStepsSchema.parse(valid);
    expect(parsed).toHaveLength(7);
    const http = parsed.find((s) => s.type === 'http_request');
    expect(http?.type === 'http_request' && http.config.timeoutMs).toBe(10_000);
    const log = parsed.find((s) => s.type === 'log');
    expect(log?.type === 'log' && log.config.level).toBe('info');
  });

  it('accepts a schedule trigger with a five-field cron', () => {
    expect(issues([{ id: 's', name: 'Mondays', type: 'schedule_trigger', config: { cron: '0 8 * * 1', timezone: 'Europe/London' } }])).toEqual([]);
  });

  it.each([
    ['an empty workflow', [], 'at least one step'],
    ['an unknown type', [{ id: 'x', name: 'X', type: 'ftp_upload', config: {} }], 'type'],
    ['a duplicate id', [valid[6], valid[6]], 'Duplicate step id'],
    ['a trigger after the first step', [valid[6], valid[0]], 'trigger can only be the first'],
    ['a condition jumping to an unknown step', [{ ...valid[2], config: { field: 'a', operator: 'exists', elseStepId: 'nope' } }], 'Unknown step'],
    [
      'a condition jumping backwards',
      [valid[6], { ...valid[2], config: { field: 'a', operator: 'exists', elseStepId: 'log' } }],
      'only jump forward',
    ],
    ['a comparison without a value', [{ ...valid[2], config: { field: 'a', operator: 'equals' } }], 'needs a value'],
    ['a delay over 30 days', [{ ...valid[1], config: { amount: 31, unit: 'days' } }], 'at most 30 days'],
    ['a non-http URL', [{ ...valid[3], config: { method: 'GET', url: 'file:///etc/passwd' } }], 'http(s) URL'],
    ['a bad recipient', [{ ...valid[5], config: { to: 'not-an-email', subject: 'a', body: 'b' } }], 'Recipient'],
    ['a bad cron', [{ id: 's', name: 'S', type: 'schedule_trigger', config: { cron: 'every monday' } }], 'five-field cron'],
    ['a nameless step', [{ ...valid[6], name: '  ' }], 'needs a name'],
    ['an unknown config field', [{ ...valid[6], config: { message: 'x', shell: 'rm -rf /' } }], 'shell'],
    ['an uppercase id', [{ ...valid[6], id: 'Log' }], 'Step ids'],
    ['a reference to a step that does not exist', [{ ...valid[6], config: { message: 'got {{ steps.nope.body }}' } }], 'there is no step "nope"'],
    [
      'a reference to a later step',
      [{ ...valid[6], id: 'first', config: { message: '{{ steps.second.message }}' } }, { ...valid[6], id: 'second' }],
      'which runs later',
    ],
  ])('rejects %s with a clear message', (_label, steps, expected) => {
    const found = issues(steps);
    expect(found.length).toBeGreaterThan(0);
    expect(found.join(' | ')).toContain(expected);
  });

  it('accepts references to earlier steps, in any config field', () => {
    const steps = [
      { id: 'start', name: 'Start', type: 'webhook_trigger', config: { method: 'POST' } },
      { id: 'fetch', name: 'Fetch', type: 'http_request', config: { method: 'GET', url: 'https://api.example.com/x' } },
      { id: 'note', name: 'Note', type: 'log', config: { message: 'status {{ steps.fetch.status }}' } },
      { id: 'call', name: 'Call', type: 'http_request', config: { method: 'POST', url: 'https://api.example.com/y', headers: { 'x-from': '{{ steps.note.message }}' } } },
    ];
    expect(issues(steps)).toEqual([]);
  });

  it('caps the number of steps', () => {
    const many = Array.from({ length: 51 }, (_, i) => ({ id: `s${i}`, name: `Step ${i}`, type: 'log', config: { message: 'x' } }));
    expect(issues(many).join()).toContain('at most 50 steps');
  });
});
