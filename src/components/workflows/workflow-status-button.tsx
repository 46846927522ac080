'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from '~/i18n/navigation';
import { Button } from '~/components/ui/button';
import { useToast } from '~/components/ui/toast';
import { api } from '~/trpc/react';

export function WorkflowStatusButton({ id, status }: { id: string; status: 'draft' | 'active' | 'paused' }) {
  const t = useTranslations('Workflows');
  const toast = useToast();
  const router = useRouter();
  const update = api.workflows.update.useMutation({
    onSuccess: () => {
      toast.show(t('updated'));
      router.refresh();
    },
    onError: (e) => toast.show(e.message, 'error'),
  });
  const next = status === 'active' ? 'paused' : 'active';
  return (
    <Button variant="secondary" size="sm" disabled={update.isPending} onClick={() => update.mutate({ id, status: next })}>
      {next === 'active' ? t('activate') : t('pause')}
    </Button>
  );
}
