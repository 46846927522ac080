import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP server speaking the parts of Stripe's API Levqor uses, for driving the REAL
 * `stripe` SDK in tests (createStripe({ apiBase: fake.url })):
 *   POST /v1/checkout/sessions        -> a Checkout session with a url
 *   POST /v1/billing_portal/sessions  -> a portal session with a url
 *   GET  /v1/subscriptions/:id        -> the subscription as set in `subscriptions` (404 resource_missing otherwise)
 * Every request is recorded with its form-encoded body.
 */
export type RecordedRequest = { method: string; path: string; form: URLSearchParams; authorization: string | undefined };

export type FakeStripe = {
  url: string;
  requests: RecordedRequest[];
  /** The "current" state Stripe returns for GET /v1/subscriptions/:id. */
  subscriptions: Map<string, Record<string, unknown>>;
  /** Answer the next POSTs with this HTTP status (e.g. 500) instead of success. */
  failWith: number | null;
  /** Refuse portal sessions that carry flow_data (as a portal configuration without that flow does). */
  refuseFlows: boolean;
  close: () => Promise<void>;
};

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeStripe(): Promise<FakeStripe> {
  let n = 0;
  const state: Omit<FakeStripe, 'url' | 'close'> = { requests: [], subscriptions: new Map(), failWith: null, refuseFlows: false };
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const form = new URLSearchParams(req.method === 'GET' ? url.search : await body(req));
    state.requests.push({ method: req.method ?? 'GET', path: url.pathname, form, authorization: req.headers.authorization });
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_fake_${++n}` });
      res.end(JSON.stringify(payload));
    };
    const error = (status: number, code: string, message: string) =>
      send(status, { error: { type: status >= 500 ? 'api_error' : 'invalid_request_error', code, message } });

    if (req.method === 'POST' && state.failWith) return error(state.failWith, 'fake_failure', 'The fake Stripe was told to fail.');
    if (req.method === 'POST' && url.pathname === '/v1/checkout/sessions') {
      const id = `cs_test_${++n}`;
      return send(200, {
        id,
        object: 'checkout.session',
        mode: form.get('mode'),
        url: `https://checkout.stripe.test/c/pay/${id}`,
        client_reference_id: form.get('client_reference_id'),
        customer: form.get('customer'),
        customer_email: form.get('customer_email'),
        success_url: form.get('success_url'),
        cancel_url: form.get('cancel_url'),
      });
    }
    if (req.method === 'POST' && url.pathname === '/v1/billing_portal/sessions') {
      if (state.refuseFlows && form.has('flow_data[type]')) return error(400, 'parameter_invalid', 'This portal configuration does not allow that flow.');
      const id = `bps_test_${++n}`;
      return send(200, { id, object: 'billing_portal.session', customer: form.get('customer'), url: `https://billing.stripe.test/p/session/${id}` });
    }
    const sub = /^\/v1\/subscriptions\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && sub) {
      const found = state.subscriptions.get(decodeURIComponent(sub[1]!));
      return found ? send(200, found) : error(404, 'resource_missing', `No such subscription: '${sub[1]}'`);
    }
    return error(404, 'resource_missing', `Unrecognized request URL (${req.method}: ${url.pathname}).`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** A Stripe subscription object as the API returns it (the fields Levqor reads). */
export function stripeSubscription(opts: {
  id: string;
  customer: string;
  status: string;
  priceId: string;
  interval: 'month' | 'year';
  tenantId?: string;
  plan?: string;
  startDate?: number;
  trialEnd?: number | null;
  periodEnd?: number;
  canceledAt?: number | null;
  endedAt?: number | null;
  cancelAtPeriodEnd?: boolean;
}): Record<string, unknown> {
  const start = opts.startDate ?? Math.floor(Date.now() / 1000) - 3600;
  return {
    id: opts.id,
    object: 'subscription',
    customer: opts.customer,
    status: opts.status,
    start_date: start,
    created: start,
    trial_end: opts.trialEnd ?? null,
    cancel_at_period_end: opts.cancelAtPeriodEnd ?? false,
    cancel_at: null,
    canceled_at: opts.canceledAt ?? null,
    ended_at: opts.endedAt ?? null,
    metadata: { ...(opts.tenantId ? { tenant_id: opts.tenantId } : {}), ...(opts.plan ? { plan: opts.plan, interval: opts.interval } : {}) },
    items: {
      object: 'list',
      data: [
        {
          id: `si_${opts.id}`,
          object: 'subscription_item',
          current_period_start: start,
          current_period_end: opts.periodEnd ?? start + (opts.interval === 'month' ? 30 : 365) * 86_400,
          price: { id: opts.priceId, object: 'price', currency: 'gbp', recurring: { interval: opts.interval, interval_count: 1 } },
        },
      ],
    },
  };
}
