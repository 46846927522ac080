import { AppShell } from '~/components/layout/app-shell';
import { requireAdmin } from '~/server/transport/auth/guards';

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireAdmin();
  return <AppShell isAdmin>{children}</AppShell>;
}
