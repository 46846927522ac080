/** Keys under Auth.errors in messages/<locale>.json. */
export type AuthErrorKey =
  | 'invalidCredentials'
  | 'tooManyAttempts'
  | 'emailTaken'
  | 'invalidEmail'
  | 'passwordTooShort'
  | 'passwordTooLong'
  | 'nameRequired'
  | 'generic';
export type AuthFormState = { error?: AuthErrorKey; email?: string; name?: string; companyName?: string };
/** A server action behind one of the forms (passed in by the page). */
export type AuthFormAction = (state: AuthFormState, formData: FormData) => Promise<AuthFormState>;
/** An OAuth provider's button: its id, label and bound sign-in action. */
export type OAuthButton = { id: string; label: string; action: () => Promise<void> };
