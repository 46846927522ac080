import type { WorkflowStepInput } from '~/server/domain/workflows/steps';

/**
 * Starter templates (SPEC G1): 28 workflows across the seven categories. Texts (name,
 * description, step names) live in messages/<locale>.json under `Templates.<id>`; step configs
 * are examples the tenant edits (example.com URLs and addresses, {{ placeholders }}).
 * Conditions without `elseStepId` act as gates: when false the run stops there.
 */
export const TEMPLATE_CATEGORIES = [
  'lead_capture',
  'customer_support',
  'reporting',
  'backup_retention',
  'billing',
  'marketing',
  'operations',
] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

/** A step without its name: the name comes from the catalog in the caller's locale. */
export type StepDef = { [T in WorkflowStepInput['type']]: Omit<Extract<WorkflowStepInput, { type: T }>, 'name'> }[WorkflowStepInput['type']];

export type TemplateDefinition = {
  id: string;
  category: TemplateCategory;
  /** Shown first in the growth panel's recommendations. */
  featured?: boolean;
  steps: StepDef[];
};

const webhook = (id = 'receive'): StepDef => ({ id, type: 'webhook_trigger', config: { method: 'POST' } });
const schedule = (cron: string, id = 'schedule', timezone = 'Europe/London'): StepDef => ({
  id,
  type: 'schedule_trigger',
  config: { cron, timezone },
});
const get = (id: string, url: string): StepDef => ({ id, type: 'http_request', config: { method: 'GET', url, timeoutMs: 10_000 } });
const post = (id: string, url: string, body: string): StepDef => ({
  id,
  type: 'http_request',
  config: { method: 'POST', url, headers: { 'content-type': 'application/json' }, body, timeoutMs: 10_000 },
});
const email = (id: string, to: string, subject: string, body: string): StepDef => ({ id, type: 'email', config: { to, subject, body } });
const log = (id: string, message: string, level: 'info' | 'warn' = 'info'): StepDef => ({ id, type: 'log', config: { message, level } });
const wait = (id: string, amount: number, unit: 'minutes' | 'hours' | 'days'): StepDef => ({ id, type: 'delay', config: { amount, unit } });
const gate = (
  id: string,
  field: string,
  operator: 'equals' | 'not_equals' | 'greater_than' | 'less_than' | 'contains',
  value: string | number,
): StepDef => ({ id, type: 'condition', config: { field, operator, value } });

export const TEMPLATES: readonly TemplateDefinition[] = [
  // Lead Capture
  {
    id: 'lead-form-to-crm',
    category: 'lead_capture',
    featured: true,
    steps: [
      webhook(),
      {
        id: 'normalise',
        type: 'transform',
        config: { mapping: { email: '{{ body.email }}', name: '{{ body.name }}', company: '{{ body.company }}' } },
      },
      post('crm', 'https://crm.example.com/api/contacts', '{"email":"{{ email }}","name":"{{ name }}","company":"{{ company }}"}'),
      email('notify', 'sales@example.com', 'New lead: {{ name }}', '{{ name }} from {{ company }} ({{ email }}) just filled in the form.'),
    ],
  },
  {
    id: 'lead-qualify',
    category: 'lead_capture',
    steps: [
      webhook(),
      log('record', 'Lead received: {{ body.email }}'),
      gate('qualified', 'body.company_size', 'greater_than', 10),
      email('alert_sales', 'sales@example.com', 'Qualified lead: {{ body.company }}', '{{ body.name }} ({{ body.company_size }} people) looks like a fit. Reply within the hour.'),
    ],
  },
  {
    id: 'lead-welcome-email',
    category: 'lead_capture',
    steps: [
      webhook(),
      wait('wait', 5, 'minutes'),
      email('welcome', '{{ body.email }}', 'Thanks for getting in touch, {{ body.name }}', 'Hi {{ body.name }},\n\nThanks for your message. We will get back to you within one working day.'),
      log('record', 'Welcome e-mail sent to a new lead'),
    ],
  },
  {
    id: 'lead-event-registration',
    category: 'lead_capture',
    steps: [
      webhook(),
      post('register', 'https://events.example.com/api/registrations', '{"email":"{{ body.email }}","event":"{{ body.event_id }}"}'),
      email('confirm', '{{ body.email }}', 'You are registered', 'Hi {{ body.name }},\n\nYour place is booked. We will send the joining link the day before.'),
    ],
  },
  // Customer Support
  {
    id: 'support-ticket-triage',
    category: 'customer_support',
    featured: true,
    steps: [
      webhook(),
      log('record', 'Ticket {{ body.ticket_id }} received with priority {{ body.priority }}'),
      gate('urgent', 'body.priority', 'equals', 'urgent'),
      email('page_lead', 'support-lead@example.com', 'Urgent ticket {{ body.ticket_id }}', '{{ body.subject }}\n\nOpened by {{ body.customer }}. Please pick it up now.'),
    ],
  },
  {
    id: 'support-auto-acknowledge',
    category: 'customer_support',
    steps: [
      webhook(),
      email('acknowledge', '{{ body.customer_email }}', 'We received your request #{{ body.ticket_id }}', 'Hi,\n\nThanks for contacting support. We have your request and will reply as soon as we can.'),
      log('record', 'Acknowledged ticket {{ body.ticket_id }}'),
    ],
  },
  {
    id: 'support-sla-watch',
    category: 'customer_support',
    steps: [
      schedule('0 * * * *'),
      get('fetch', 'https://helpdesk.example.com/api/tickets?status=open&overdue=true'),
      gate('overdue', 'response.body.count', 'greater_than', 0),
      email('remind', 'support@example.com', '{{ response.body.count }} tickets are close to their SLA', 'Open the help desk and answer the oldest tickets first.'),
    ],
  },
  {
    id: 'support-satisfaction-survey',
    category: 'customer_support',
    steps: [
      webhook(),
      wait('wait', 1, 'days'),
      email('survey', '{{ body.customer_email }}', 'How did we do?', 'Hi,\n\nYour request #{{ body.ticket_id }} was closed yesterday. Could you rate our help from 1 to 5? Just reply with a number.'),
    ],
  },
  // Reporting
  {
    id: 'report-weekly-kpis',
    category: 'reporting',
    featured: true,
    steps: [
      schedule('0 8 * * 1'),
      get('fetch', 'https://analytics.example.com/api/kpis?period=last_week'),
      {
        id: 'summarise',
        type: 'transform',
        config: { mapping: { revenue: '{{ response.body.revenue }}', signups: '{{ response.body.signups }}', churn: '{{ response.body.churn }}' } },
      },
      email('send', 'team@example.com', 'Weekly KPIs', 'Revenue: {{ revenue }}\nSign-ups: {{ signups }}\nChurn: {{ churn }}'),
    ],
  },
  {
    id: 'report-daily-sales',
    category: 'reporting',
    steps: [
      schedule('0 18 * * 1-5'),
      get('fetch', 'https://shop.example.com/api/sales/today'),
      email('send', 'owner@example.com', 'Sales today: {{ response.body.total }}', '{{ response.body.orders }} orders, {{ response.body.total }} in total.'),
    ],
  },
  {
    id: 'report-monthly-finance',
    category: 'reporting',
    steps: [
      schedule('0 9 1 * *'),
      get('fetch', 'https://accounts.example.com/api/reports/monthly'),
      {
        id: 'summarise',
        type: 'transform',
        config: { mapping: { income: '{{ response.body.income }}', expenses: '{{ response.body.expenses }}' } },
      },
      email('send', 'finance@example.com', 'Monthly finance summary', 'Income: {{ income }}\nExpenses: {{ expenses }}'),
    ],
  },
  {
    id: 'report-uptime-summary',
    category: 'reporting',
    steps: [
      schedule('0 7 * * *'),
      get('fetch', 'https://status.example.com/api/uptime?period=24h'),
      log('record', 'Uptime yesterday: {{ response.body.percent }}%'),
      gate('below_target', 'response.body.percent', 'less_than', 99.9),
      email('alert', 'ops@example.com', 'Uptime below target: {{ response.body.percent }}%', 'Yesterday’s uptime was below 99.9%. Check the incident log.'),
    ],
  },
  // Backup & Retention
  {
    id: 'backup-nightly-export',
    category: 'backup_retention',
    featured: true,
    steps: [
      schedule('0 2 * * *'),
      post('start', 'https://app.example.com/api/exports', '{"format":"json"}'),
      wait('wait', 15, 'minutes'),
      get('check', 'https://app.example.com/api/exports/latest'),
      log('record', 'Nightly export finished with status {{ response.body.status }}'),
    ],
  },
  {
    id: 'backup-retention-cleanup',
    category: 'backup_retention',
    steps: [
      schedule('0 3 * * 0'),
      { id: 'delete_old', type: 'http_request', config: { method: 'DELETE', url: 'https://storage.example.com/api/backups?older_than_days=90', timeoutMs: 30_000 } },
      log('record', 'Removed backups older than 90 days'),
    ],
  },
  {
    id: 'backup-restore-test',
    category: 'backup_retention',
    steps: [
      schedule('0 4 * * 1'),
      post('restore', 'https://app.example.com/api/backups/restore-test', '{"target":"staging"}'),
      log('record', 'Restore test finished with status {{ response.body.status }}'),
      gate('failed', 'response.body.status', 'not_equals', 'ok'),
      email('alert', 'ops@example.com', 'Backup restore test failed', 'Last night’s restore test did not succeed. Check the backups today.'),
    ],
  },
  {
    id: 'backup-file-copy',
    category: 'backup_retention',
    steps: [
      webhook(),
      {
        id: 'copy',
        type: 'http_request',
        config: { method: 'PUT', url: 'https://storage.example.com/archive/{{ body.file_name }}', body: '{{ body.file_url }}', timeoutMs: 30_000 },
      },
      log('record', 'Copied {{ body.file_name }} to the archive'),
    ],
  },
  // Billing
  {
    id: 'billing-failed-payment',
    category: 'billing',
    featured: true,
    steps: [
      webhook(),
      email('notify', '{{ body.customer_email }}', 'Your payment did not go through', 'Hi,\n\nWe could not take your latest payment. Please update your card to keep your account active.'),
      wait('wait', 3, 'days'),
      get('check', 'https://billing.example.com/api/customers/{{ body.customer_id }}'),
      gate('still_due', 'response.body.status', 'equals', 'past_due'),
      email('remind', '{{ body.customer_email }}', 'Reminder: please update your card', 'Hi,\n\nYour payment is still outstanding. Update your card today to avoid interruption.'),
    ],
  },
  {
    id: 'billing-payment-receipt',
    category: 'billing',
    steps: [
      webhook(),
      {
        id: 'prepare',
        type: 'transform',
        config: { mapping: { amount: '{{ body.amount }}', invoice: '{{ body.invoice_number }}' } },
      },
      email('receipt', '{{ body.customer_email }}', 'Receipt for invoice {{ invoice }}', 'Thank you! We received your payment of {{ amount }}.'),
      log('record', 'Receipt sent for invoice {{ invoice }}'),
    ],
  },
  {
    id: 'billing-trial-ending',
    category: 'billing',
    steps: [
      schedule('0 9 * * *'),
      get('fetch', 'https://billing.example.com/api/trials?ending_in_days=2'),
      gate('any', 'response.body.count', 'greater_than', 0),
      email('notify', 'sales@example.com', '{{ response.body.count }} trials end in two days', 'Reach out to them today and offer help.'),
    ],
  },
  {
    id: 'billing-overdue-invoices',
    category: 'billing',
    steps: [
      schedule('0 10 * * 1'),
      get('fetch', 'https://accounts.example.com/api/invoices?status=overdue'),
      gate('any', 'response.body.count', 'greater_than', 0),
      email('notify', 'finance@example.com', '{{ response.body.count }} overdue invoices', 'Total outstanding: {{ response.body.total }}. Chase the oldest first.'),
    ],
  },
  // Marketing
  {
    id: 'marketing-newsletter-signup',
    category: 'marketing',
    featured: true,
    steps: [
      webhook(),
      post('subscribe', 'https://mail.example.com/api/lists/newsletter/members', '{"email":"{{ body.email }}"}'),
      email('welcome', '{{ body.email }}', 'Welcome to our newsletter', 'Thanks for subscribing! Expect one useful e-mail a month, no spam.'),
      log('record', 'New newsletter subscriber'),
    ],
  },
  {
    id: 'marketing-social-schedule',
    category: 'marketing',
    steps: [
      schedule('0 12 * * 2,4'),
      get('fetch', 'https://cms.example.com/api/posts/next'),
      post('publish', 'https://social.example.com/api/posts', '{"text":"{{ response.body.summary }}","link":"{{ response.body.url }}"}'),
      log('record', 'Shared {{ response.body.url }}'),
    ],
  },
  {
    id: 'marketing-winback',
    category: 'marketing',
    steps: [
      schedule('0 9 * * 1'),
      get('fetch', 'https://crm.example.com/api/customers?inactive_days=60'),
      gate('any', 'response.body.count', 'greater_than', 0),
      email('notify', 'marketing@example.com', '{{ response.body.count }} customers have gone quiet', 'Send them a win-back offer this week.'),
    ],
  },
  {
    id: 'marketing-review-request',
    category: 'marketing',
    steps: [
      webhook(),
      wait('wait', 3, 'days'),
      email('ask', '{{ body.customer_email }}', 'Would you leave us a review?', 'Hi {{ body.name }},\n\nWe hope you are enjoying your order. A short review helps other customers find us.'),
    ],
  },
  // Operations
  {
    id: 'ops-uptime-monitor',
    category: 'operations',
    featured: true,
    steps: [
      schedule('*/5 * * * *', 'schedule', 'UTC'),
      { id: 'ping', type: 'http_request', config: { method: 'GET', url: 'https://www.example.com/health', timeoutMs: 5_000 } },
      gate('down', 'response.status', 'not_equals', 200),
      email('alert', 'ops@example.com', 'Website check failed', 'The health check answered {{ response.status }}. Please look now.'),
      log('record', 'Health check failed with {{ response.status }}', 'warn'),
    ],
  },
  {
    id: 'ops-employee-onboarding',
    category: 'operations',
    steps: [
      webhook(),
      post('accounts', 'https://it.example.com/api/accounts', '{"name":"{{ body.name }}","email":"{{ body.email }}"}'),
      email('welcome', '{{ body.email }}', 'Welcome aboard, {{ body.name }}!', 'Your accounts are ready. Your manager will meet you at 9:30 on your first day.'),
      email('notify_it', 'it@example.com', 'New starter: {{ body.name }}', 'Please prepare a laptop for {{ body.start_date }}.'),
    ],
  },
  {
    id: 'ops-standup-reminder',
    category: 'operations',
    steps: [
      schedule('45 8 * * 1-5'),
      email('remind', 'team@example.com', 'Stand-up in 15 minutes', 'What did you do yesterday, what will you do today, what is in your way?'),
      log('record', 'Stand-up reminder sent'),
    ],
  },
  {
    id: 'ops-low-stock-alert',
    category: 'operations',
    steps: [
      schedule('0 */6 * * *'),
      get('fetch', 'https://shop.example.com/api/inventory?below_reorder_level=true'),
      gate('any', 'response.body.count', 'greater_than', 0),
      email('notify', 'purchasing@example.com', '{{ response.body.count }} products are low on stock', 'Reorder soon: {{ response.body.skus }}'),
    ],
  },
];

export const TEMPLATE_IDS = TEMPLATES.map((t) => t.id);
const byId = new Map(TEMPLATES.map((t) => [t.id, t]));
export const findTemplate = (id: string): TemplateDefinition | undefined => byId.get(id);
