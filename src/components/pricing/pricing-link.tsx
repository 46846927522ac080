import { getTranslations } from 'next-intl/server';
import { ServerLink } from '~/components/ui/server-link';

/**
 * A link to /pricing for server components (no client i18n): `label="nav"` reads "Pricing"
 * (for the header navigation), `label="homeLink"` reads "See plans and pricing".
 */
export async function PricingLink({ label = 'nav', className }: { label?: 'nav' | 'homeLink'; className?: string }) {
  const t = await getTranslations('Pricing');
  return (
    <ServerLink href="/pricing" className={className} data-testid={`pricing-link-${label}`}>
      {t(label)}
    </ServerLink>
  );
}
