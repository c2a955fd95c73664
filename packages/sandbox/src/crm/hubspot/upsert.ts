/**
 * POST /crm/v3/objects/contacts/batch/upsert (platform-contracts.md §7.1): up to 100 inputs, each
 * matched on a unique property (`idProperty`: email or a unique custom property). A malformed batch
 * or an unknown property fails the whole call (400); a bad value fails only its input (207).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { CrmContext } from '../context.ts';
import { findByUnique, insertRecord, normalise, uniqueConflict, updateRecord } from '../records.ts';
import type { CrmAccount } from '../types.ts';
import { checkValues, stringValues, type ValueProblem } from '../values.ts';
import { hubspot } from './errors.ts';
import { contactJson } from './json.ts';
import { HUBSPOT_SPEC } from './spec.ts';

export const MAX_BATCH = 100;

const Input = z.object({
  id: z.string().min(1),
  idProperty: z.string().min(1).optional(),
  properties: z.record(z.string(), z.unknown()),
  objectWriteTraceId: z.string().optional(),
});
export const BatchBody = z.object({ inputs: z.array(Input) });

type Input = z.infer<typeof Input>;

function batchProblems(account: CrmAccount, inputs: Input[]): void {
  if (inputs.length === 0 || inputs.length > MAX_BATCH)
    throw hubspot.validation(`Batch input size must be between 1 and ${MAX_BATCH}; got ${inputs.length}`);
  const seen = new Set<string>();
  const unknown = new Set<string>();
  for (const input of inputs) {
    const idProperty = input.idProperty ?? 'hs_object_id';
    const key = `${idProperty}:${normalise(input.id)}`;
    if (seen.has(key)) throw hubspot.validation(`Duplicate IDs found in batch input: [${input.id}]`);
    seen.add(key);
    const def = account.fields.get(idProperty);
    if (!def) unknown.add(idProperty);
    else if (!def.unique)
      throw hubspot.validation(
        `Property ${idProperty} is not a unique identifier property and cannot be an idProperty`,
      );
    for (const name of Object.keys(input.properties)) if (!account.fields.has(name)) unknown.add(name);
  }
  if (unknown.size > 0)
    throw hubspot.validation(
      'Property values were not valid',
      [...unknown].map((name) => ({
        message: `Property "${name}" does not exist`,
        code: 'PROPERTY_DOESNT_EXIST',
        context: { propertyName: [name] },
      })),
    );
}

function inputError(input: Input, message: string, errors: object[]) {
  return {
    status: 'error',
    category: 'VALIDATION_ERROR',
    message,
    context: {
      ids: [input.id],
      ...(input.objectWriteTraceId ? { objectWriteTraceId: [input.objectWriteTraceId] } : {}),
    },
    errors,
    links: {},
  };
}

function describeProblems(problems: ValueProblem[]): string {
  return `Property values were not valid: ${JSON.stringify(
    problems.map((p) => ({
      isValid: false,
      message:
        p.problem === 'invalid_option'
          ? `${p.value} was not one of the allowed options: [${(p.allowed ?? []).join(', ')}]`
          : p.problem === 'read_only'
            ? `${p.field} is a read only property; its value cannot be set.`
            : `${p.value} is not a valid ${p.problem.replace('invalid_', '')}`,
      error:
        p.problem === 'read_only'
          ? 'READ_ONLY_VALUE'
          : p.problem === 'invalid_option'
            ? 'INVALID_OPTION'
            : 'INVALID_VALUE',
      name: p.field,
    })),
  )}`;
}

export function batchUpsert(c: CrmContext, account: CrmAccount, inputs: Input[]) {
  batchProblems(account, inputs);
  const startedAt = new Date(c.now()).toISOString();
  const results: object[] = [];
  const errors: object[] = [];
  for (const input of inputs) {
    const idProperty = input.idProperty ?? 'hs_object_id';
    const values = stringValues(input.properties);
    values[idProperty] = input.id;
    const problems = checkValues(account, values);
    if (problems.length > 0) {
      errors.push(
        inputError(
          input,
          describeProblems(problems),
          problems.map((p) => ({
            message: `${p.field}: ${p.problem}`,
            code: p.problem.toUpperCase(),
            context: { propertyName: [p.field] },
          })),
        ),
      );
      continue;
    }
    const existing = findByUnique(account, idProperty, input.id);
    const conflict = uniqueConflict(account, values, existing?.id);
    if (conflict) {
      errors.push(
        inputError(
          input,
          `A contact with ${conflict} '${values[conflict]}' already exists: ${conflict} must be unique`,
          [
            {
              message: `${conflict} already has that value`,
              code: 'CONFLICTING_UNIQUE_VALUE',
              context: { propertyName: [conflict] },
            },
          ],
        ),
      );
      continue;
    }
    const now = c.now();
    const record =
      existing ??
      insertRecord(
        account,
        HUBSPOT_SPEC.recordId(account.nextId++),
        values,
        now,
        c.opts.maxRecordsPerAccount,
      );
    if (existing) updateRecord(account, existing, values, now);
    results.push({
      ...contactJson(record),
      new: existing === undefined,
      ...(input.objectWriteTraceId ? { objectWriteTraceId: input.objectWriteTraceId } : {}),
    });
  }
  const completedAt = new Date(c.now()).toISOString();
  const body = {
    status: 'COMPLETE',
    results,
    ...(errors.length > 0 ? { numErrors: errors.length, errors } : {}),
    requestedAt: startedAt,
    startedAt,
    completedAt,
    links: {},
  };
  return { status: errors.length > 0 ? 207 : 200, body, correlationId: randomUUID() };
}
