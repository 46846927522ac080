import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { ResetErrorKey, ResetTexts } from './password-reset-forms';

const ERRORS = ['invalidEmail', 'tooShort', 'tooLong', 'mismatch', 'tooManyAttempts', 'generic'] as const;

/** The reset forms' texts, translated on the server (the namespace is not sent to browsers); `linkMinutes`: how long a link works. */
export async function getResetTexts(linkMinutes: number): Promise<ResetTexts> {
  const t = await getTranslations('PasswordReset');
  return {
    email: t('email'),
    submit: t('submit'),
    submitting: t('submitting'),
    sent: t('sent', { email: '{email}', minutes: linkMinutes }),
    noMail: t('noMail'),
    newPassword: t('newPassword'),
    confirmPassword: t('confirmPassword'),
    resetSubmit: t('resetSubmit'),
    resetting: t('resetting'),
    errors: {
      ...(Object.fromEntries(ERRORS.map((k) => [k, t(`errors.${k}`)])) as Record<(typeof ERRORS)[number], string>),
      expired: t('states.expired'),
      used: t('states.used'),
      unknown: t('states.unknown'),
    } as Record<ResetErrorKey, string>,
  };
}
