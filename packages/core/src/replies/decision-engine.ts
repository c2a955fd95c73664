/**
 * The ai step's interface. Today a rules engine answers greetings and acknowledges everything else;
 * the AI pipeline (guardrails, understanding, lead scoring, brand-voice replies) replaces it
 * behind this same shape.
 */
export type DecisionInput = {
  tenantName: string;
  platform: 'facebook' | 'instagram' | 'whatsapp' | 'x';
  /** A DM, or a public comment / mention. */
  kind: 'dm' | 'comment';
  text: string;
  customerName: string | undefined;
  /** How many customer messages this conversation has had, this one included. */
  inboundCount: number;
};

export type Decision = {
  /** send: reply now; hold: draft for approval; handoff: needs a human (holding message optional). */
  action: 'send' | 'hold' | 'handoff';
  reply: string | undefined;
  confidence: number;
  /** Why, for the analysis panel and the logs. */
  reasons: string[];
  engine: string;
};

export type DecisionEngine = (input: DecisionInput) => Promise<Decision>;
