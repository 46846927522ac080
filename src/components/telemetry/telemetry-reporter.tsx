'use client';

import { useEffect } from 'react';
import { installTelemetry, type TelemetryClientOptions } from '~/lib/telemetry-client';

/**
 * Installs the browser telemetry client (SPEC H7) while mounted: uncaught errors and unhandled
 * rejections of the page are reported to /api/telemetry in batches. Renders nothing.
 */
export function TelemetryReporter({ endpoint, flushMs, maxBatch }: TelemetryClientOptions) {
  useEffect(() => {
    const client = installTelemetry({ endpoint, flushMs, maxBatch });
    return () => client.uninstall();
  }, [endpoint, flushMs, maxBatch]);
  return null;
}
