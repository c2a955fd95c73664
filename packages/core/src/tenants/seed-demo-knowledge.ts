import { createKbItem, createReplyTemplate, withTenant } from '@replyforce/db';
import type { CoreDeps } from '../deps.ts';
import { kbItemAndChunks } from '../knowledge/manage-knowledge.ts';

/**
 * Acme Coffee's FAQ: what the demo tour asks, and what `replyforce simulate` customers ask (so a
 * simulated customer's question is one the business answers itself). A question lists its
 * phrasings one per line. The benchmarks give their workspaces the same knowledge through the API.
 */
export const DEMO_FAQ = [
  {
    question: "What's the price of the Pro plan?",
    body: 'The Pro plan is $49 per month for a team of up to 10: 5 kg of freshly roasted beans a month, free delivery and a barista workshop. You can start today and cancel any time.',
  },
  {
    question: 'What are your opening hours?\nWhat time do you open?\nAre you open on Sundays?',
    body: 'Our café is open Monday to Friday 7:00–19:00 and on weekends 8:00–17:00.',
  },
  {
    question: 'How much does delivery cost?\nDo you deliver?',
    body: 'Delivery is free within 10 km on orders over $25, otherwise $4.50. Order before 14:00 for same-day delivery.',
  },
  {
    question: 'Do you ship abroad?\nDo you ship to Canada?',
    body: 'Yes: we ship beans to the UK, the EU, the US and Canada. International shipping takes 3–7 days.',
  },
  {
    question: 'What sizes do you have?\nIs the large size in stock?',
    body: 'Every drink comes in small, medium and large, and our bags of beans in 250 g and 1 kg. Everything on the menu is in stock unless the website says otherwise.',
  },
  {
    question: 'Do you have oat milk?\nDo you have plant milks?',
    body: 'Yes, oat, almond and soy milk are available for every drink at no extra cost.',
  },
  {
    question: 'Can I pick up my order?\nCan I collect my order in the café?',
    body: 'Yes: order online and pick it up at the counter from 7:00; we keep it for you until closing time.',
  },
  {
    question: 'Which coffee blend is the least bitter?',
    body: 'Our Morning Sun blend is the mildest: a light roast with notes of honey and citrus.',
  },
];

const ABOUT = `Acme Coffee roasts its beans in small batches every week.

Our house espresso blend combines Brazilian and Ethiopian beans for a chocolatey, fruity cup. Single-origin beans rotate with the seasons.

Gift cards are available in the café and online from $10.`;

export async function seedDemoKnowledge(deps: CoreDeps, tenantId: string): Promise<void> {
  await withTenant(deps.db, tenantId, async (tx) => {
    for (const body of [
      ...DEMO_FAQ.map((f) => ({ kind: 'faq' as const, question: f.question, body: f.body })),
      { kind: 'document' as const, title: 'About Acme Coffee', body: ABOUT },
    ]) {
      const { item, chunks } = kbItemAndChunks(body);
      await createKbItem(tx, tenantId, item, chunks);
    }
    await createReplyTemplate(tx, tenantId, {
      name: 'Thanks for the feedback',
      intent: 'feedback',
      language: null,
      body: 'Thank you for the feedback, {{first_name}}! We read every message and pass it on to the {{business}} team.',
    });
  });
}
