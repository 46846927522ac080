import 'server-only';
import type { OAuthButton } from '~/components/auth/oauth-buttons';
import { oauthProviders } from '~/env';
import { oauthSignInAction } from './actions';

const PROVIDERS = [
  { key: 'google', id: 'google', label: 'Google' },
  { key: 'github', id: 'github', label: 'GitHub' },
  { key: 'microsoft', id: 'microsoft-entra-id', label: 'Microsoft' },
] as const;

/** The OAuth providers configured in env, each with its sign-in action bound to `redirectTo`. */
export function oauthButtons(redirectTo: string): OAuthButton[] {
  return PROVIDERS.filter((p) => oauthProviders[p.key]).map((p) => ({
    id: p.id,
    label: p.label,
    action: oauthSignInAction.bind(null, p.id, redirectTo),
  }));
}
