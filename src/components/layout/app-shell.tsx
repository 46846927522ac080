import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { TelemetryReporter } from '~/components/telemetry/telemetry-reporter';
import { ToastProvider } from '~/components/ui/toast';
import { TRPCReactProvider } from '~/trpc/react';
import { DashboardNav } from './dashboard-nav';

/**
 * Signed-in layout: section navigation beside (or above, on phones) the page. The i18n and
 * data runtimes for client components load here, not on public pages.
 */
/** Namespaces only server components read: kept out of the page's client payload. */
const SERVER_ONLY_NAMESPACES = new Set(['MarketingEmails', 'Metadata', 'Home', 'Auth', 'Operations', 'Reports', 'Admin', 'Legal', 'Consent', 'Footer', 'Invite', 'AuthStatus', 'TenantReports', 'UsageEmails', 'PasswordReset', 'ErrorMessages', 'LifecycleEmails', 'SupportEmails', 'Contact']);

export async function AppShell({ isAdmin, children }: { isAdmin: boolean; children: React.ReactNode }) {
  const all = await getMessages();
  const messages = Object.fromEntries(Object.entries(all).filter(([ns]) => !SERVER_ONLY_NAMESPACES.has(ns)));
  return (
    <NextIntlClientProvider messages={messages}>
      <TRPCReactProvider>
        <ToastProvider>
          <TelemetryReporter />
        <div className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-6 md:flex-row md:py-10">
          <aside className="md:w-48 md:shrink-0">
            <DashboardNav isAdmin={isAdmin} />
          </aside>
          <main id="main" className="min-w-0 flex-1">
            {children}
          </main>
        </div>
        </ToastProvider>
      </TRPCReactProvider>
    </NextIntlClientProvider>
  );
}
