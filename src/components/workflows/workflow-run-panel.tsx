'use client';

import { useTranslations } from 'next-intl';
import { useId, useState, useSyncExternalStore } from 'react';
import { Button } from '~/components/ui/button';
import { Card, CardTitle } from '~/components/ui/card';
import { Dialog } from '~/components/ui/dialog';
import { useToast } from '~/components/ui/toast';
import { useRouter } from '~/i18n/navigation';
import { newSecretSnapshot, subscribeNever } from '~/lib/new-secret';
import { api } from '~/trpc/react';

/**
 * Starting runs from the workflow page (SPEC P2): "Run now", "Test run" with sample JSON, and —
 * for a webhook trigger — the URL to call, the secret (shown once when issued) and a curl example.
 */
export function WorkflowRunPanel({
  workflowId,
  hookUrl,
  isWebhook,
  secretHint,
}: {
  workflowId: string;
  hookUrl: string;
  isWebhook: boolean;
  secretHint: string | null;
}) {
  const t = useTranslations('Runs');
  const toast = useToast();
  const router = useRouter();
  const sampleId = useId();
  const [testOpen, setTestOpen] = useState(false);
  const [sample, setSample] = useState('{\n  "name": "Ada",\n  "email": "ada@example.com"\n}');
  const [sampleError, setSampleError] = useState<string | null>(null);
  const [rotated, setSecret] = useState<string | null>(null);
  const [hint, setHint] = useState(secretHint);
  const [copied, setCopied] = useState<'url' | 'secret' | 'curl' | null>(null);
  // The secret issued when this workflow was created (on the page before), shown here once.
  const fresh = useSyncExternalStore(subscribeNever, () => newSecretSnapshot(workflowId), () => null);
  const secret = rotated ?? fresh;
  const copy = (what: 'url' | 'secret' | 'curl', text: string) => {
    void navigator.clipboard?.writeText(text).then(
      () => setCopied(what),
      () => setCopied(null),
    );
  };
  const onStarted = (r: { runId: string }) => {
    toast.show(t('started'));
    router.push(`/dashboard/runs/${r.runId}`);
  };
  const onError = (e: { message: string }) => toast.show(e.message, 'error');
  const runNow = api.runs.runNow.useMutation({ onSuccess: onStarted, onError });
  const testRun = api.runs.testRun.useMutation({ onSuccess: onStarted, onError: (e) => setSampleError(e.message) });
  const rotate = api.workflows.rotateWebhookSecret.useMutation({
    onSuccess: (w) => {
      setSecret(w.webhookSecret ?? null);
      setHint(w.webhook.hint);
    },
    onError,
  });
  const curl = `curl -X POST '${hookUrl}' \\\n  -H 'Authorization: Bearer ${secret ?? t('yourSecret')}' \\\n  -H 'Content-Type: application/json' \\\n  -d '{"name":"Ada","email":"ada@example.com"}'`;

  return (
    <Card>
      <CardTitle>{t('runTitle')}</CardTitle>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button size="sm" disabled={runNow.isPending} onClick={() => runNow.mutate({ workflowId })} data-testid="run-now">
          {t('runNow')}
        </Button>
        <Button variant="secondary" size="sm" onClick={() => setTestOpen(true)}>
          {t('testRun')}
        </Button>
      </div>

      {isWebhook ? (
        <div className="mt-5 space-y-2 text-sm">
          <p className="font-medium">{t('webhookTitle')}</p>
          <p className="text-fg-muted">{t('webhookLead')}</p>
          <div className="flex flex-wrap items-start gap-2">
            <code className="block min-w-0 flex-1 break-all rounded-md bg-bg/60 p-2 text-xs" data-testid="hook-url">
              POST {hookUrl}
            </code>
            <Button variant="secondary" size="sm" onClick={() => copy('url', hookUrl)}>
              {copied === 'url' ? t('copied') : t('copyUrl')}
            </Button>
          </div>
          <p className="text-fg-muted">{hint ? t('secretHint', { hint }) : t('noSecret')}</p>
          {secret ? (
            <div className="rounded-md border border-amber-500/40 bg-amber-950/40 p-2" role="status">
              <p className="text-xs text-amber-100">{t('secretOnce')}</p>
              <div className="mt-1 flex flex-wrap items-start gap-2">
                <code className="block min-w-0 flex-1 break-all text-xs" data-testid="hook-secret">
                  {secret}
                </code>
                <Button variant="secondary" size="sm" onClick={() => copy('secret', secret)}>
                  {copied === 'secret' ? t('copied') : t('copySecret')}
                </Button>
              </div>
            </div>
          ) : null}
          <Button variant="secondary" size="sm" disabled={rotate.isPending} onClick={() => rotate.mutate({ id: workflowId })}>
            {hint ? t('rotateSecret') : t('issueSecret')}
          </Button>
          <div>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p className="font-medium">{t('curlExample')}</p>
              <Button variant="ghost" size="sm" onClick={() => copy('curl', curl)}>
                {copied === 'curl' ? t('copied') : t('copyCurl')}
              </Button>
            </div>
            <pre className="mt-2 overflow-x-auto rounded-md bg-bg/60 p-2 text-xs" data-testid="hook-curl">{curl}</pre>
          </div>
        </div>
      ) : null}

      <Dialog open={testOpen} onClose={() => setTestOpen(false)} title={t('testRunTitle')} description={t('testRunLead')}>
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            setSampleError(null);
            let payload: unknown;
            try {
              payload = JSON.parse(sample || '{}');
            } catch {
              setSampleError(t('sampleInvalid'));
              return;
            }
            if (!payload || typeof payload !== 'object' || Array.isArray(payload)) {
              setSampleError(t('sampleInvalid'));
              return;
            }
            testRun.mutate({ workflowId, payload: payload as Record<string, unknown> });
          }}
        >
          <label htmlFor={sampleId} className="block text-sm font-medium">
            {t('sampleInput')}
          </label>
          <textarea
            id={sampleId}
            value={sample}
            onChange={(e) => setSample(e.target.value)}
            rows={8}
            aria-invalid={sampleError ? true : undefined}
            aria-describedby={sampleError ? `${sampleId}-error` : undefined}
            className="block w-full rounded-lg border border-border bg-surface-raised p-2 font-mono text-sm text-fg"
          />
          {sampleError ? (
            <p id={`${sampleId}-error`} role="alert" className="text-sm text-rose-200">
              {sampleError}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="ghost" onClick={() => setTestOpen(false)}>
              {t('close')}
            </Button>
            <Button type="submit" disabled={testRun.isPending}>
              {t('startTest')}
            </Button>
          </div>
        </form>
      </Dialog>
    </Card>
  );
}
