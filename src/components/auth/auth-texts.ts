import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { AuthErrorKey, AuthFormTexts } from './auth-forms';

const ERROR_KEYS: AuthErrorKey[] = [
  'invalidCredentials',
  'tooManyAttempts',
  'emailTaken',
  'invalidEmail',
  'passwordTooShort',
  'passwordTooLong',
  'nameRequired',
  'generic',
];

export async function getAuthFormTexts(): Promise<AuthFormTexts> {
  const t = await getTranslations('Auth');
  return {
    name: t('name'),
    email: t('email'),
    password: t('password'),
    passwordHint: t('passwordHint'),
    company: t('company'),
    submitSignIn: t('submitSignIn'),
    submitSignUp: t('submitSignUp'),
    submitting: t('submitting'),
    errors: Object.fromEntries(ERROR_KEYS.map((k) => [k, t(`errors.${k}`)])) as AuthFormTexts['errors'],
  };
}
