import { DrizzleAdapter } from '@auth/drizzle-adapter';
import NextAuth, { CredentialsSignin, type DefaultSession, type NextAuthConfig } from 'next-auth';
import type { Adapter, AdapterUser } from 'next-auth/adapters';
import Credentials from 'next-auth/providers/credentials';
import GitHub from 'next-auth/providers/github';
import Google from 'next-auth/providers/google';
import MicrosoftEntraID from 'next-auth/providers/microsoft-entra-id';
import { env, oauthProviders } from '~/env';
import { verifyCredentials } from '~/server/domain/accounts/signin';
import { registerAccount } from '~/server/domain/accounts/register';
import { signupTrial } from '~/server/domain/billing/stripe';
import { getDb } from '~/server/infra/db/client';
import { accounts, authenticators, sessions, users, verificationTokens } from '~/server/infra/db/schema';
import { isAppError } from '~/server/errors';
import { clientIp } from '~/server/transport/rest/client-ip';
import { logger } from '~/server/infra/logger';
import { getRedis } from '~/server/infra/redis';
import { signupRequestContext } from './request-context';
import { signedInAtOf } from './signed-in-at';
import { getSignInThrottle } from './throttle';

declare module 'next-auth' {
  interface Session {
    user: { id: string } & DefaultSession['user'];
    /** When this session signed in (ms): a password change signs out sessions from before it. */
    signedInAt: number | null;
  }
}

/** Error codes the sign-in form turns into translated messages. */
export class InvalidLoginError extends CredentialsSignin {
  override code = 'invalid_credentials';
}
export class TooManyAttemptsError extends CredentialsSignin {
  override code = 'too_many_attempts';
}

function adapter(): Adapter {
  const db = getDb();
  const base = DrizzleAdapter(db, {
    usersTable: users as never,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
    authenticatorsTable: authenticators,
  });
  return {
    ...base,
    // OAuth first sign-in: the same sign-up use case as the e-mail form (abuse check, tenant on a
    // trial, referral attribution, growth and abuse events).
    async createUser(data: AdapterUser) {
      const context = await signupRequestContext();
      const account = await registerAccount(
        { db, redis: getRedis(), log: logger, trial: signupTrial() },
        { kind: 'oauth', input: { name: data.name ?? null, email: data.email, emailVerified: data.emailVerified, image: data.image ?? null } },
        context,
      );
      if (account.referralUsed) await context.clearReferral();
      return { id: account.userId, email: account.email, name: data.name ?? null, image: data.image ?? null, emailVerified: data.emailVerified };
    },
  };
}

function providers(): NextAuthConfig['providers'] {
  const list: NextAuthConfig['providers'] = [
    Credentials({
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(credentials, request) {
        try {
          const user = await verifyCredentials(
            { db: getDb(), throttle: getSignInThrottle() },
            { email: credentials?.email, password: credentials?.password, ip: clientIp(request.headers) },
          );
          return { id: user.id, email: user.email, name: user.name };
        } catch (error) {
          if (isAppError(error) && error.code === 'TOO_MANY_REQUESTS') throw new TooManyAttemptsError();
          if (isAppError(error) && error.code === 'UNAUTHORIZED') throw new InvalidLoginError();
          throw error;
        }
      },
    }),
  ];
  if (oauthProviders.google) list.push(Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }));
  if (oauthProviders.github) list.push(GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }));
  if (oauthProviders.microsoft) {
    list.push(
      MicrosoftEntraID({
        clientId: env.AUTH_MICROSOFT_ENTRA_ID_ID,
        clientSecret: env.AUTH_MICROSOFT_ENTRA_ID_SECRET,
        issuer: env.AUTH_MICROSOFT_ENTRA_ID_ISSUER,
      }),
    );
  }
  return list;
}

let config: NextAuthConfig | undefined;

/** The session settings, also shown on /auth/status. */
export const SESSION_SETTINGS = { strategy: 'jwt', maxAgeSeconds: 30 * 24 * 60 * 60, updateAgeSeconds: 24 * 60 * 60 } as const;

// Built once per process (adapter and providers), on first use rather than at import.
export const { handlers, auth, signIn, signOut } = NextAuth(() => (config ??= {
  adapter: adapter(),
  providers: providers(),
  secret: env.AUTH_SECRET,
  trustHost: true,
  // Credentials sign-in needs JWT sessions; the server still reloads the user on every request.
  session: { strategy: SESSION_SETTINGS.strategy, maxAge: SESSION_SETTINGS.maxAgeSeconds, updateAge: SESSION_SETTINGS.updateAgeSeconds },
  useSecureCookies: env.SECURE_COOKIES ? true : undefined,
  pages: { signIn: '/sign-in', error: '/sign-in' },
  logger: {
    error: (error) => {
      if (error instanceof CredentialsSignin) return;
      logger.error({ err: { name: error.name, message: error.message } }, 'auth error');
    },
    warn: (code) => logger.warn({ code }, 'auth warning'),
    debug: () => {},
  },
  callbacks: {
    jwt({ token, user }) {
      // Stamped once, at sign-in; carried through every refresh of the token (decision 024).
      if (user?.id) {
        token.sub = user.id;
        token.signedInAt = Date.now();
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.signedInAt = signedInAtOf(token);
      return session;
    },
  },
}));
