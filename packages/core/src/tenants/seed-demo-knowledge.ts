import { chunkDocument } from '@replyforce/ai';
import { createKbItem, createReplyTemplate, withTenant } from '@replyforce/db';
import type { CoreDeps } from '../deps.ts';

/** What Acme Coffee's replies can quote: the FAQ the demo tour asks about, and a short document. */
const FAQ = [
  {
    question: "What's the price of the Pro plan?",
    body: 'The Pro plan is $49 per month for a team of up to 10: 5 kg of freshly roasted beans a month, free delivery and a barista workshop. You can start today and cancel any time.',
  },
  {
    question: 'What are your opening hours?',
    body: 'Our café is open Monday to Friday 7:00–19:00 and on weekends 8:00–17:00.',
  },
  {
    question: 'Do you deliver?',
    body: 'Yes: free delivery within 10 km on orders over $25, usually the same day if you order before 14:00.',
  },
  {
    question: 'Do you have oat milk or other plant milks?',
    body: 'Yes, oat, almond and soy milk are available for every drink at no extra cost.',
  },
];

const ABOUT = `Acme Coffee roasts its beans in small batches every week.

Our house espresso blend combines Brazilian and Ethiopian beans for a chocolatey, fruity cup. Single-origin beans rotate with the seasons.

Gift cards are available in the café and online from $10.`;

export async function seedDemoKnowledge(deps: CoreDeps, tenantId: string): Promise<void> {
  await withTenant(deps.db, tenantId, async (tx) => {
    for (const f of FAQ)
      await createKbItem(
        tx,
        tenantId,
        { kind: 'faq', title: f.question, question: f.question, body: f.body },
        [f.body],
      );
    await createKbItem(
      tx,
      tenantId,
      { kind: 'document', title: 'About Acme Coffee', question: null, body: ABOUT },
      chunkDocument(ABOUT).map((c) => c.text),
    );
    await createReplyTemplate(tx, tenantId, {
      name: 'Thanks for the feedback',
      intent: 'feedback',
      language: null,
      body: 'Thank you for the feedback, {{first_name}}! We read every message and pass it on to the {{business}} team.',
    });
  });
}
