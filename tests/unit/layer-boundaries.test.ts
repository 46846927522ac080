import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layers (docs/decisions/005-layers-and-boundaries.md) are enforced by lint: each case is a
 * deliberate violation that `npm run lint` must refuse, and a legal import that it must accept.
 */
const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function restricted(file: string, code: string): Promise<boolean> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).some((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === '@typescript-eslint/no-restricted-imports');
}

describe('layer boundaries (lint)', () => {
  it('refuses framework and upward imports in the domain', async () => {
    expect(await restricted('src/server/domain/abuse/probe.ts', "import { headers } from 'next/headers';\nexport const x = headers;\n")).toBe(true);
    expect(await restricted('src/server/domain/abuse/probe.ts', "import { cache } from 'react';\nexport const x = cache;\n")).toBe(true);
    expect(await restricted('src/server/domain/abuse/probe.ts', "import { route } from '~/server/transport/rest/route';\nexport const x = route;\n")).toBe(true);
    expect(await restricted('src/server/domain/abuse/probe.ts', "import { getDb } from '~/server/infra/db/client';\nexport const x = getDb;\n")).toBe(false);
  });

  it('refuses domain imports in infrastructure (the schema imports nothing above it)', async () => {
    expect(await restricted('src/server/infra/db/schema/probe.ts', "import type { WorkflowStep } from '~/server/domain/workflows/steps';\nexport type X = WorkflowStep;\n")).toBe(true);
    expect(await restricted('src/server/infra/queue/probe.ts', "import { logger } from '~/server/infra/logger';\nexport const x = logger;\n")).toBe(false);
  });

  it('lets components import server types only, and never pages, actions or env', async () => {
    expect(await restricted('src/components/ui/probe.tsx', "import { getDb } from '~/server/infra/db/client';\nexport const x = getDb;\n")).toBe(true);
    expect(await restricted('src/components/ui/probe.tsx', "import type { CurrentUser } from '~/server/domain/accounts/users';\nexport type X = CurrentUser;\n")).toBe(false);
    expect(await restricted('src/components/ui/probe.tsx', "import { signOutAction } from '~/app/actions';\nexport const x = signOutAction;\n")).toBe(true);
    expect(await restricted('src/components/ui/probe.tsx', "import { env } from '~/env';\nexport const x = env;\n")).toBe(true);
  });

  it('keeps transport away from pages and components', async () => {
    expect(await restricted('src/server/transport/rest/probe.ts', "import { SiteHeader } from '~/components/layout/site-header';\nexport const x = SiteHeader;\n")).toBe(true);
  });
});
