'use client';

import { useEffect } from 'react';
import { useConsent } from '~/components/layout/cookie-consent';
import { installTelemetry, type TelemetryClientOptions } from '~/lib/telemetry-client';

/**
 * Installs the browser telemetry client (SPEC H7) while mounted — only when the visitor allowed
 * error reports in the cookie banner (SPEC P5): uncaught errors and unhandled rejections of the
 * page are reported to /api/telemetry in batches. Renders nothing.
 */
export function TelemetryReporter({ endpoint, flushMs, maxBatch }: TelemetryClientOptions) {
  const allowed = useConsent() === 'all';
  useEffect(() => {
    if (!allowed) return;
    const client = installTelemetry({ endpoint, flushMs, maxBatch });
    return () => client.uninstall();
  }, [allowed, endpoint, flushMs, maxBatch]);
  return null;
}
