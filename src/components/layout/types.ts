/** Server action: remember the language, reload the page in it. */
export type SwitchLocaleAction = (locale: string, pathname: string) => Promise<void>;
/** Server action: sign out. */
export type SignOutAction = () => Promise<void>;
export type HeaderUser = { email: string; role: 'member' | 'owner' | 'admin' };
