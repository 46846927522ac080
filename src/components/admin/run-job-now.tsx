'use client';

import { useState } from 'react';
import { Button } from '~/components/ui/button';
import { api } from '~/trpc/react';

export type RunJobNowTexts = { run: string; queued: string; failed: string };

/** An admin page's empty state: queue its scheduled job now (admin.runJob). */
export function RunJobNow({ job, texts }: { job: 'weekly-report' | 'tenant-reports' | 'marketing-cycle' | 'growth-rollup'; texts: RunJobNowTexts }) {
  const [done, setDone] = useState(false);
  const run = api.admin.runJob.useMutation({ onSuccess: () => setDone(true) });
  return (
    <div className="mt-3 flex flex-wrap items-center gap-3">
      <Button size="sm" onClick={() => run.mutate({ job })} disabled={run.isPending || done} data-testid={`run-now-${job}`}>
        {texts.run}
      </Button>
      <p role="status" className="text-sm text-fg-muted" data-testid="run-now-status">
        {done ? texts.queued : run.isError ? texts.failed : ''}
      </p>
    </div>
  );
}
