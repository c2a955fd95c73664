import {
  findTenantBySlug,
  findUserByEmail,
  insertMembership,
  insertUser,
  withSystem,
  withTenantUser,
} from '@replyforce/db';
import { recordAudit } from '../audit/record-audit.ts';
import { hashPassword } from '../auth/password.ts';
import { register } from '../auth/register.ts';
import type { CoreDeps } from '../deps.ts';
import { seedDemoKnowledge } from './seed-demo-knowledge.ts';

export const DEMO = {
  tenantName: 'Acme Coffee',
  slug: 'acme-coffee',
  password: 'demo-password',
  admin: { email: 'admin@acme.test', name: 'Ada Admin' },
  agent: { email: 'agent@acme.test', name: 'Alex Agent' },
} as const;

/** Creates the demo workspace once (an admin who owns it and an agent). Returns false if it existed. */
export async function seedDemo(deps: CoreDeps): Promise<boolean> {
  if (await withSystem(deps.db, (tx) => findTenantBySlug(tx, DEMO.slug))) return false;
  const { session } = await register(
    deps,
    { tenantName: DEMO.tenantName, name: DEMO.admin.name, email: DEMO.admin.email, password: DEMO.password },
    { ip: undefined, slug: DEMO.slug },
  );
  const tenantId = session.tenant.id;
  await seedDemoKnowledge(deps, tenantId);
  if (await withSystem(deps.db, (tx) => findUserByEmail(tx, DEMO.agent.email))) return true;
  const agentId = crypto.randomUUID();
  const passwordHash = await hashPassword(DEMO.password);
  await withTenantUser(deps.db, tenantId, agentId, async (tx) => {
    await insertUser(tx, { id: agentId, email: DEMO.agent.email, name: DEMO.agent.name, passwordHash });
    await insertMembership(tx, { tenantId, userId: agentId, role: 'agent' });
    await recordAudit(
      tx,
      { tenantId, ip: undefined },
      {
        action: 'team.member_seeded',
        resourceType: 'member',
        resourceId: agentId,
        result: 'success',
        metadata: { role: 'agent' },
      },
    );
  });
  return true;
}
