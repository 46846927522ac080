import { AppShell } from '~/components/layout/app-shell';
import { requireUser } from '~/server/transport/auth/guards';

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser('/dashboard');
  return <AppShell isAdmin={user.role === 'admin'}>{children}</AppShell>;
}
