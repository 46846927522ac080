/**
 * A webhook secret is returned once, by the call that issues it (creation, rotation), and never
 * stored in clear. Creation happens on one page and the secret is shown on the next (the
 * workflow's page), so it waits in this tab's sessionStorage for that one read, then is gone.
 */
const key = (workflowId: string) => `levqor:new-webhook-secret:${workflowId}`;

export function rememberNewSecret(workflow: { id: string; webhookSecret?: string }) {
  if (!workflow.webhookSecret) return;
  try {
    sessionStorage.setItem(key(workflow.id), workflow.webhookSecret);
  } catch {
    // Storage refused (private mode, quota): the owner can rotate to get a new secret.
  }
}

export function takeNewSecret(workflowId: string): string | null {
  try {
    const secret = sessionStorage.getItem(key(workflowId));
    sessionStorage.removeItem(key(workflowId));
    return secret;
  } catch {
    return null;
  }
}

/**
 * The secret for a render: read (and removed from storage) once, then the same answer for this
 * page's life, so a re-render shows it again but a reload or a new tab does not.
 */
const taken = new Map<string, string | null>();
export function newSecretSnapshot(workflowId: string): string | null {
  if (!taken.has(workflowId)) taken.set(workflowId, takeNewSecret(workflowId));
  return taken.get(workflowId) ?? null;
}
export const subscribeNever = () => () => {};
