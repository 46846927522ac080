'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useId, useRef, useState } from 'react';
import { Button } from '~/components/ui/button';
import { Card, CardTitle } from '~/components/ui/card';
import { Dialog } from '~/components/ui/dialog';
import { useToast } from '~/components/ui/toast';
import { api, type RouterOutputs } from '~/trpc/react';
import { textInputClass } from '~/components/ui/input';

type Member = RouterOutputs['team']['list']['members'][number];

function InviteForm() {
  const t = useTranslations('Team');
  const toast = useToast();
  const utils = api.useUtils();
  const ids = { email: useId(), role: useId() };
  const [link, setLink] = useState<{ email: string; link: string; days: number } | null>(null);
  const [copied, setCopied] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const invite = api.team.invite.useMutation({
    onSuccess: async (r) => {
      if (r.link) setLink({ email: r.invite.email, link: r.link, days: Math.max(1, Math.round((r.invite.expiresAt.getTime() - Date.now()) / 86_400_000)) });
      else toast.show(t('invited', { email: r.invite.email }));
      formRef.current?.reset();
      await utils.team.list.invalidate();
    },
  });
  return (
    <Card aria-labelledby="invite-title">
      <CardTitle id="invite-title">{t('inviteTitle')}</CardTitle>
      <form
        ref={formRef}
        className="mt-3 grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          setLink(null);
          setCopied(false);
          const form = new FormData(e.currentTarget);
          invite.mutate({ email: String(form.get('email') ?? ''), role: form.get('role') === 'owner' ? 'owner' : 'member' });
        }}
      >
        <div>
          <label htmlFor={ids.email} className="block text-sm font-medium">
            {t('inviteEmail')}
          </label>
          <input id={ids.email} name="email" type="email" required maxLength={254} autoComplete="off" className={textInputClass} />
        </div>
        <div>
          <label htmlFor={ids.role} className="block text-sm font-medium">
            {t('inviteRole')}
          </label>
          <select id={ids.role} name="role" defaultValue="member" className={textInputClass}>
            <option value="member">{t('roles.member')}</option>
            <option value="owner">{t('roles.owner')}</option>
          </select>
        </div>
        <Button type="submit" disabled={invite.isPending}>
          {invite.isPending ? t('inviting') : t('invite')}
        </Button>
      </form>
      {invite.error ? (
        <p role="alert" className="mt-3 rounded-lg border border-rose-500/40 bg-rose-950/60 px-3 py-2 text-sm text-rose-100">
          {invite.error.message}
        </p>
      ) : null}
      {link ? (
        <div role="status" className="mt-3 rounded-lg border border-amber-500/40 bg-amber-950/40 p-3 text-sm" data-testid="invite-link">
          <p className="font-medium">{t('linkTitle', { email: link.email })}</p>
          <p className="mt-1 text-amber-100">{t('linkBody', { days: link.days })}</p>
          <div className="mt-2 flex flex-wrap items-start gap-2">
            <code className="block min-w-0 flex-1 break-all rounded bg-bg/60 p-2 text-xs" data-testid="invite-link-url">
              {link.link}
            </code>
            <Button variant="secondary" size="sm" onClick={() => void navigator.clipboard?.writeText(link.link).then(() => setCopied(true))}>
              {copied ? t('copied') : t('copyLink')}
            </Button>
          </div>
        </div>
      ) : null}
    </Card>
  );
}

/** The team page (SPEC P4): members for everyone; invitations and changes for owners. */
export function TeamManager() {
  const t = useTranslations('Team');
  const tc = useTranslations('Common');
  const format = useFormatter();
  const toast = useToast();
  const utils = api.useUtils();
  const team = api.team.list.useQuery();
  const [removing, setRemoving] = useState<Member | null>(null);
  const onError = (e: { message: string }) => toast.show(e.message, 'error');
  const changeRole = api.team.changeRole.useMutation({
    onSuccess: async (r) => {
      const member = team.data?.members.find((m) => m.id === r.userId);
      toast.show(t('roleChanged', { name: member?.name ?? member?.email ?? '', role: t(`roles.${r.role}`) }));
      await utils.team.list.invalidate();
    },
    onError,
  });
  const remove = api.team.remove.useMutation({
    onSuccess: async () => {
      toast.show(t('removed', { name: removing?.name ?? removing?.email ?? '' }));
      setRemoving(null);
      await utils.team.list.invalidate();
    },
    onError: (e) => {
      setRemoving(null);
      onError(e);
    },
  });
  const revoke = api.team.revokeInvite.useMutation({
    onSuccess: async (_r, input) => {
      const invite = team.data?.invites.find((i) => i.id === input.id);
      toast.show(t('revoked', { email: invite?.email ?? '' }));
      await utils.team.list.invalidate();
    },
    onError,
  });

  if (team.isPending) {
    return (
      <p role="status" className="text-fg-muted">
        {tc('loading')}
      </p>
    );
  }
  if (team.isError) {
    return (
      <div role="alert" className="rounded-lg border border-rose-500/40 bg-rose-950/40 p-4 text-sm">
        {team.error.message}{' '}
        <Button variant="secondary" size="sm" onClick={() => team.refetch()}>
          {tc('retry')}
        </Button>
      </div>
    );
  }
  const { members, invites, canManage } = team.data;

  return (
    <div className="space-y-6">
      {canManage ? <InviteForm /> : <p className="text-sm text-fg-muted">{t('membersOnly')}</p>}

      <Card aria-labelledby="members-title">
        <CardTitle id="members-title">{t('members')}</CardTitle>
        <ul className="mt-3 divide-y divide-border">
          {members.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="team-member" data-email={m.email}>
              <div className="min-w-0">
                <p className="break-words font-medium">
                  {m.name ?? m.email} {m.you ? <span className="text-sm text-fg-muted">({t('you')})</span> : null}
                </p>
                <p className="break-all text-sm text-fg-muted">{m.email}</p>
                <p className="text-xs text-fg-muted">
                  {t(`roles.${m.role}`)} · {t('lastLogin')}: {m.lastLoginAt ? format.dateTime(m.lastLoginAt, { dateStyle: 'medium' }) : t('never')}
                </p>
              </div>
              {canManage ? (
                <div className="flex flex-wrap gap-2">
                  <Button
                    variant="secondary"
                    size="sm"
                    disabled={changeRole.isPending}
                    onClick={() => changeRole.mutate({ userId: m.id, role: m.role === 'owner' ? 'member' : 'owner' })}
                  >
                    {m.role === 'owner' ? t('makeMember') : t('makeOwner')}
                  </Button>
                  <Button variant="ghost" size="sm" onClick={() => setRemoving(m)} aria-label={`${t('remove')} ${m.name ?? m.email}`}>
                    {t('remove')}
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      </Card>

      {canManage ? (
        <Card aria-labelledby="pending-title">
          <CardTitle id="pending-title">{t('pending')}</CardTitle>
          {invites.length === 0 ? (
            <p className="mt-2 text-sm text-fg-muted">{t('pendingNone')}</p>
          ) : (
            <ul className="mt-3 divide-y divide-border">
              {invites.map((i) => (
                <li key={i.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="team-invite">
                  <div className="min-w-0">
                    <p className="break-all font-medium">{i.email}</p>
                    <p className="text-xs text-fg-muted">
                      {t(`roles.${i.role}`)} · {i.expired ? t('expired') : t('expires', { date: format.dateTime(i.expiresAt, { dateStyle: 'medium' }) })}
                    </p>
                  </div>
                  <Button variant="ghost" size="sm" disabled={revoke.isPending} onClick={() => revoke.mutate({ id: i.id })} aria-label={`${t('revoke')} ${i.email}`}>
                    {t('revoke')}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </Card>
      ) : null}

      <Dialog
        open={removing !== null}
        onClose={() => setRemoving(null)}
        title={t('removeTitle', { name: removing?.name ?? removing?.email ?? '' })}
        description={t('removeBody')}
      >
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={() => setRemoving(null)}>
            {tc('cancel')}
          </Button>
          <Button variant="danger" disabled={remove.isPending} onClick={() => removing && remove.mutate({ userId: removing.id })}>
            {t('remove')}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
