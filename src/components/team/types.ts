/** The invitation form's texts and server action, passed in by the public page. */
export type AcceptInviteTexts = { email: string; name: string; password: string; passwordHint: string; submit: string; submitting: string };
export type AcceptInviteAction = (prev: { error?: string }, formData: FormData) => Promise<{ error?: string }>;
