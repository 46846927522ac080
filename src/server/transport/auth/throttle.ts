import { env } from '~/env';
import { createSignInThrottle, type SignInThrottle } from '~/server/domain/accounts/signin';
import { getRedis } from '~/server/infra/redis';

const globalForThrottle = globalThis as unknown as { levqorSignInThrottle?: SignInThrottle };

export function getSignInThrottle(): SignInThrottle {
  globalForThrottle.levqorSignInThrottle ??= createSignInThrottle(getRedis(), {
    prefix: env.REDIS_PREFIX,
    maxFailures: env.AUTH_MAX_FAILURES,
    windowSeconds: env.AUTH_FAILURE_WINDOW_SECONDS,
  });
  return globalForThrottle.levqorSignInThrottle;
}
