'use client';

import { useTranslations } from 'next-intl';
import { Link, usePathname } from '~/i18n/navigation';
import { cn } from '~/lib/cn';

type Item = {
  href:
    | '/dashboard'
    | '/dashboard/workflows'
    | '/dashboard/runs'
    | '/dashboard/templates'
    | '/dashboard/billing'
    | '/dashboard/reports'
    | '/admin'
    | '/admin/operations'
    | '/admin/marketing'
    | '/admin/reports'
    | '/admin/growth'
    | '/admin/referrals'
    | '/admin/usage'
    | '/admin/lifecycle'
    | '/admin/support'
    | '/admin/upgrades'
    | '/dashboard/support'
    | '/dashboard/secrets'
    | '/dashboard/team'
    | '/dashboard/settings';
  label: 'overview' | 'workflows' | 'runs' | 'templates' | 'billing' | 'weeklyReports' | 'admin' | 'operations' | 'marketing' | 'reports' | 'growth' | 'referrals' | 'usage' | 'secrets' | 'team' | 'settings' | 'lifecycle' | 'support' | 'supportQueue' | 'upgrades';
};

export function DashboardNav({ isAdmin }: { isAdmin: boolean }) {
  const t = useTranslations('Nav');
  const pathname = usePathname();
  const items: Item[] = [
    { href: '/dashboard', label: 'overview' },
    { href: '/dashboard/workflows', label: 'workflows' },
    { href: '/dashboard/runs', label: 'runs' },
    { href: '/dashboard/templates', label: 'templates' },
    { href: '/dashboard/reports', label: 'weeklyReports' },
    { href: '/dashboard/secrets', label: 'secrets' },
    { href: '/dashboard/team', label: 'team' },
    { href: '/dashboard/billing', label: 'billing' },
    { href: '/dashboard/support', label: 'support' },
    { href: '/dashboard/settings', label: 'settings' },
    ...(isAdmin
      ? ([
          { href: '/admin', label: 'admin' },
          { href: '/admin/operations', label: 'operations' },
          { href: '/admin/marketing', label: 'marketing' },
          { href: '/admin/reports', label: 'reports' },
          { href: '/admin/growth', label: 'growth' },
          { href: '/admin/referrals', label: 'referrals' },
          { href: '/admin/usage', label: 'usage' },
          { href: '/admin/lifecycle', label: 'lifecycle' },
          { href: '/admin/support', label: 'supportQueue' },
          { href: '/admin/upgrades', label: 'upgrades' },
        ] as const)
      : []),
  ];
  return (
    <nav aria-label={t('dashboardSections')}>
      {/* Phones: every section wraps into view (no hidden horizontal scroll); md and up: a column. */}
      <ul className="flex flex-wrap gap-1 md:flex-col md:flex-nowrap">
        {items.map((item) => {
          const current =
            item.href === '/dashboard' || item.href === '/admin' ? pathname === item.href : pathname.startsWith(item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? 'page' : undefined}
                className={cn(
                  'block whitespace-nowrap rounded-lg px-2.5 py-1.5 text-sm font-medium md:px-3 md:py-2',
                  current ? 'bg-surface-raised text-fg' : 'text-fg-muted hover:bg-surface hover:text-fg',
                )}
              >
                {t(item.label)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
