import 'server-only';
import { env, oauthProviders } from '~/env';
import { getMailTransport } from '~/server/infra/mail/transport';
import { SESSION_SETTINGS } from './next-auth';

/**
 * Auth diagnostics for admins (issue 15 #5): how sign-in is set up on this server — which
 * providers are configured, the session strategy and lifetime, the session cookie's flags, the
 * base URL — and never a secret: only whether each one is set.
 */
export type AuthStatus = {
  providers: { id: 'credentials' | 'google' | 'github' | 'microsoft'; configured: boolean }[];
  session: { strategy: 'jwt'; maxAgeDays: number; refreshHours: number };
  cookie: { name: string; httpOnly: true; sameSite: 'lax'; secure: 'always' | 'on-https' ; path: '/' };
  baseUrl: string;
  requestProtocol: 'https' | 'http';
  secrets: { authSecret: boolean; secretsKey: boolean };
  mail: 'resend' | 'smtp' | 'none';
};

export function authStatus(request: { protocol: 'https' | 'http' }): AuthStatus {
  const secureAlways = Boolean(env.SECURE_COOKIES);
  const secureNow = secureAlways || request.protocol === 'https';
  return {
    providers: [
      { id: 'credentials', configured: true },
      { id: 'google', configured: oauthProviders.google },
      { id: 'github', configured: oauthProviders.github },
      { id: 'microsoft', configured: oauthProviders.microsoft },
    ],
    session: {
      strategy: SESSION_SETTINGS.strategy,
      maxAgeDays: SESSION_SETTINGS.maxAgeSeconds / 86_400,
      refreshHours: SESSION_SETTINGS.updateAgeSeconds / 3_600,
    },
    cookie: { name: secureNow ? '__Secure-authjs.session-token' : 'authjs.session-token', httpOnly: true, sameSite: 'lax', secure: secureAlways ? 'always' : 'on-https', path: '/' },
    baseUrl: env.APP_URL,
    requestProtocol: request.protocol,
    secrets: { authSecret: Boolean(env.AUTH_SECRET), secretsKey: Boolean(env.SECRETS_KEY) },
    mail: getMailTransport().kind,
  };
}
