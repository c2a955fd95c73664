import type { RegisterBody } from '@replyforce/contracts';
import {
  insertMembership,
  insertTenant,
  insertUser,
  isUniqueViolation,
  withTenantUser,
} from '@replyforce/db';
import type { z } from 'zod';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreDeps } from '../deps.ts';
import { slugify } from '../tenants/slugify.ts';
import { type IssuedSession, issueSessionIn } from './issue-session.ts';
import { hashPassword } from './password.ts';

/** Creates a tenant and its first admin (the owner), and signs them in. */
export async function register(
  deps: CoreDeps,
  input: z.output<typeof RegisterBody>,
  meta: { ip: string | undefined; slug?: string },
): Promise<IssuedSession> {
  const passwordHash = await hashPassword(input.password);
  const tenantId = crypto.randomUUID();
  // Ids are chosen here so the transaction's context covers the rows it creates (RETURNING must see them).
  const userId = crypto.randomUUID();
  try {
    return await withTenantUser(deps.db, tenantId, userId, async (tx) => {
      await insertTenant(tx, {
        id: tenantId,
        name: input.tenantName,
        slug: meta.slug ?? slugify(input.tenantName),
      });
      const user = await insertUser(tx, { id: userId, email: input.email, name: input.name, passwordHash });
      await insertMembership(tx, { tenantId, userId: user.id, role: 'admin', isOwner: true });
      await recordAudit(
        tx,
        { tenantId, userId: user.id, role: 'admin', email: user.email, ip: meta.ip },
        { action: 'auth.register', resourceType: 'tenant', resourceId: tenantId, result: 'success' },
      );
      return issueSessionIn(tx, deps, { tenantId, userId: user.id, role: 'admin' });
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError('EMAIL_TAKEN', 'An account with this email already exists; sign in instead');
    }
    throw err;
  }
}
