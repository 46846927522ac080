/**
 * Loads .env files the way Next does (.env, .env.local, .env.<mode>, ...) for processes that
 * Next does not start: workers, scripts, CLIs. Import it before `~/env`. Real environment
 * variables always win over files.
 */
import nextEnv from '@next/env';

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== 'production', { info: () => {}, error: console.error });
