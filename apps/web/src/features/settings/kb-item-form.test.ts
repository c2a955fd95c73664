import { describe, expect, it } from 'vitest';
import { checkKbForm, emptyKbForm, fromKbForm } from './kb-item-form.ts';

describe('knowledge-base item form', () => {
  it('needs a question and an answer for a FAQ pair', () => {
    expect(checkKbForm(emptyKbForm('faq'))).toEqual({
      question: 'Write the question customers ask.',
      body: 'Write the answer.',
    });
    expect(checkKbForm({ ...emptyKbForm('faq'), question: 'Hi', body: 'x' }).question).toBeDefined();
    expect(checkKbForm({ ...emptyKbForm('faq'), question: 'Open on Sundays?', body: 'Yes.' })).toEqual({});
  });

  it('sends long text as a document, not a FAQ answer', () => {
    const long = 'word '.repeat(1_100);
    expect(checkKbForm({ ...emptyKbForm('faq'), question: 'What is in it?', body: long }).body).toMatch(
      /add longer text as a document/,
    );
    expect(checkKbForm({ ...emptyKbForm('document'), body: long })).toEqual({});
  });

  it('leaves out the other kind’s fields and an empty title', () => {
    expect(
      fromKbForm({ kind: 'faq', title: 'ignored', question: ' Open? \n Sundays? ', body: ' Yes ' }),
    ).toEqual({
      kind: 'faq',
      question: 'Open? \n Sundays?',
      body: 'Yes',
    });
    expect(fromKbForm({ kind: 'document', title: '  ', question: 'ignored', body: 'Text' })).toEqual({
      kind: 'document',
      body: 'Text',
    });
  });
});
