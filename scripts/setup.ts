/**
 * tsx scripts/setup.ts [--test] [--fresh] [--no-seed] [--reset-demo-passwords] [--quiet]
 * See scripts/lib/setup.ts.
 */
import { setup } from './lib/setup';
import { ServiceError } from './lib/services';

const args = new Set(process.argv.slice(2));

setup({
  test: args.has('--test'),
  fresh: args.has('--fresh'),
  seed: !args.has('--no-seed'),
  resetDemoPasswords: args.has('--reset-demo-passwords'),
  quiet: args.has('--quiet'),
})
  .then((credentials) => {
    if (credentials && args.has('--reset-demo-passwords')) console.log(JSON.stringify(credentials, null, 2));
    process.exit(0);
  })
  .catch((err: unknown) => {
    console.error(err instanceof ServiceError ? `\n${err.message}\n` : err);
    process.exit(1);
  });
