import { getTranslations } from 'next-intl/server';
import { buttonClasses } from '~/components/ui/button';
import { oauthProviders } from '~/env';
import { signIn } from '~/server/transport/auth/next-auth';

const LABELS = { google: 'Google', github: 'GitHub', microsoft: 'Microsoft' } as const;
const IDS = { google: 'google', github: 'github', microsoft: 'microsoft-entra-id' } as const;

/** One button per OAuth provider configured in env; nothing when none is. */
export async function OAuthButtons({ redirectTo }: { redirectTo: string }) {
  const enabled = (Object.keys(oauthProviders) as (keyof typeof oauthProviders)[]).filter((p) => oauthProviders[p]);
  if (enabled.length === 0) return null;
  const t = await getTranslations('Auth');
  return (
    <div className="mt-6">
      <p className="text-center text-xs uppercase tracking-wide text-fg-muted">{t('orContinueWith')}</p>
      <div className="mt-3 grid gap-2">
        {enabled.map((provider) => (
          <form
            key={provider}
            action={async () => {
              'use server';
              await signIn(IDS[provider], { redirectTo });
            }}
          >
            <button type="submit" className={buttonClasses('secondary', 'md', 'w-full')}>
              {t('continueWith', { provider: LABELS[provider] })}
            </button>
          </form>
        ))}
      </div>
    </div>
  );
}
