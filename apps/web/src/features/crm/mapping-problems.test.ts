import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api-error.ts';
import { emptyRow, type MappingRow } from './mapping-draft.ts';
import { checkRows, hasProblems, problemsFromError } from './mapping-problems.ts';

function row(partial: Partial<MappingRow>): MappingRow {
  return { ...emptyRow(), ...partial };
}

describe('what stops a mapping from being saved', () => {
  it('asks for the missing choices before sending anything', () => {
    const ok = row({ source: 'email', target: 'email' });
    const noTarget = row({ source: 'company' });
    const nothing = row({});
    const problems = checkRows([ok, noTarget, nothing]);
    expect(problems.rows).toEqual({
      [noTarget.key]: ['Choose a CRM field.'],
      [nothing.key]: ['Choose a ReplyForce field.', 'Choose a CRM field.'],
    });
    expect(hasProblems(problems)).toBe(true);
    expect(checkRows([]).general).toEqual(['Map at least one field.']);
    expect(hasProblems(checkRows([ok]))).toBe(false);
  });

  it('puts the server’s problems on the rows it numbered', () => {
    const error = new ApiError({
      code: 'VALIDATION_FAILED',
      status: 400,
      message: 'The mapping does not fit the hubspot fields',
      details: [
        { index: 2, target: 'email', message: 'email is mapped more than once' },
        {
          index: 1,
          target: 'hs_lead_status',
          message: 'hs_lead_status takes fixed values: map WARM to one of them',
        },
        { index: 2, target: 'email', message: 'another one' },
        { index: 9, target: 'x', message: 'a row that was not sent' },
      ],
    });
    expect(problemsFromError(error, ['a', 'b', 'c'])).toEqual({
      rows: {
        b: ['hs_lead_status takes fixed values: map WARM to one of them'],
        c: ['email is mapped more than once', 'another one'],
      },
      general: ['a row that was not sent'],
    });
  });

  it('reads the schema check’s paths too, and ignores other errors', () => {
    const schema = new ApiError({
      code: 'VALIDATION_FAILED',
      status: 400,
      message: 'The request is not valid',
      details: [
        {
          where: 'body',
          path: '/items/0/target',
          message: 'Too big: expected string to have <=100 characters',
        },
        { where: 'body', path: '/items', message: 'Too small: expected array to have >=1 items' },
      ],
    });
    expect(problemsFromError(schema, ['a'])).toEqual({
      rows: { a: ['Too big: expected string to have <=100 characters'] },
      general: ['Too small: expected array to have >=1 items'],
    });
    const other = new ApiError({ code: 'NOT_FOUND', status: 404, message: 'No such CRM connection' });
    expect(problemsFromError(other, ['a'])).toEqual({ rows: {}, general: [] });
  });
});
