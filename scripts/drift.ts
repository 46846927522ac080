/**
 * tsx scripts/drift.ts      (npm run drift; part of npm test, right after lint)
 *
 * Checks that every copy of the locked prices, SLAs and trial text (the nine message catalogs
 * and DEV_SAFETY.md) agrees with src/server/domain/billing/pricing.ts (SPEC B1). Prints a readable diff
 * and exits 1 on any disagreement; reads files only.
 */
import path from 'node:path';
import { checkPricingDrift, formatDriftReport } from '~/server/domain/billing/drift';

const root = path.resolve(import.meta.dirname, '..');
const report = checkPricingDrift({
  messagesDir: path.join(root, 'messages'),
  docs: [path.join(root, 'DEV_SAFETY.md')],
  limitsDoc: path.join(root, 'README.md'),
  featuresDoc: path.join(root, 'README.md'),
});
const text = formatDriftReport(report);
if (report.ok) {
  console.log(text);
} else {
  console.error(text);
  process.exitCode = 1;
}
