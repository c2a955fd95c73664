import type { Decision, DecisionEngine, DecisionInput } from './decision-engine.ts';

const GREETING =
  /^\s*(hi|hello|hey|hola|bonjour|hallo|ciao|ol[aá]|good (morning|afternoon|evening))\b[\s!.,]*\S{0,20}[\s!.]*$/i;
// People asking for a person, or words that should never get an automatic answer.
const HANDOFF =
  /\b(human|real person|agent|representative|manager|refund|lawyer|attorney|sue|legal|complain(t)?|cancel my|chargeback)\b/i;

function firstName(name: string | undefined): string {
  const first = name?.trim().split(/\s+/)[0];
  return first && first.length <= 40 ? ` ${first}` : '';
}

/** The rules step: greeting, hand-off keywords, otherwise an acknowledgement. */
export const rulesEngine: DecisionEngine = async (input: DecisionInput): Promise<Decision> => {
  const name = firstName(input.customerName);
  if (HANDOFF.test(input.text)) {
    return {
      action: 'handoff',
      reply: `Thanks for telling us${name}. A member of the ${input.tenantName} team will reply to you personally very soon.`,
      confidence: 0.9,
      reasons: ['asks for a person or raises a sensitive topic'],
      engine: 'rules-v1',
    };
  }
  if (GREETING.test(input.text)) {
    return {
      action: 'send',
      reply: `Hi${name}! Thanks for reaching out to ${input.tenantName}. How can we help you today?`,
      confidence: 0.95,
      reasons: ['greeting'],
      engine: 'rules-v1',
    };
  }
  return {
    action: 'send',
    reply:
      input.kind === 'comment'
        ? `Thanks for your comment${name}! We've sent it to our team.`
        : `Thanks for your message${name}! We've received it and will get back to you shortly.`,
    confidence: 0.6,
    reasons: ['acknowledgement'],
    engine: 'rules-v1',
  };
};
