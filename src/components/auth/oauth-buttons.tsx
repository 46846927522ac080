import { getTranslations } from 'next-intl/server';
import { buttonClasses } from '~/components/ui/button';

import type { OAuthButton } from './types';
export type { OAuthButton };

/** One button per OAuth provider configured on this server (the page passes them); nothing when none is. */
export async function OAuthButtons({ providers }: { providers: OAuthButton[] }) {
  if (providers.length === 0) return null;
  const t = await getTranslations('Auth');
  return (
    <div className="mt-6">
      <p className="text-center text-xs uppercase tracking-wide text-fg-muted">{t('orContinueWith')}</p>
      <div className="mt-3 grid gap-2">
        {providers.map((provider) => (
          <form key={provider.id} action={provider.action}>
            <button type="submit" className={buttonClasses('secondary', 'md', 'w-full')}>
              {t('continueWith', { provider: provider.label })}
            </button>
          </form>
        ))}
      </div>
    </div>
  );
}
