import type { DeadLetterDto } from '@replyforce/contracts';
import { findDeadLetter, withTenant } from '@replyforce/db';
import type { z } from 'zod';
import { AppError } from '../app-error.ts';
import type { CoreDeps } from '../deps.ts';
import { toDeadLetterDto } from './dto.ts';

export async function getDeadLetter(
  deps: CoreDeps,
  tenantId: string,
  id: string,
): Promise<z.infer<typeof DeadLetterDto>> {
  const row = await withTenant(deps.db, tenantId, (tx) => findDeadLetter(tx, tenantId, id));
  if (!row) throw new AppError('NOT_FOUND', 'No such dead letter');
  return toDeadLetterDto(row);
}
