/**
 * Trains the social-message intent model (`npm run train:intent`) → models/intent.json.
 *
 * Training data is public intent data MAPPED onto ReplyForce's labels; the full table is
 * src/intent/training-map.ts. In short:
 *
 * | source (intent)                                              | intent          | topic     |
 * |--------------------------------------------------------------|-----------------|-----------|
 * | bitext complaint                                             | complaint       | complaint |
 * | bitext review                                                | feedback        | feedback  |
 * | bitext contact_human_agent, contact_customer_service         | human_request   | support   |
 * | bitext place_order; clinc order, restaurant_reservation      | purchase_intent | inquiry   |
 * | bitext check_payment_methods/cancellation_fee; banking77 fee  | question        | pricing   |
 * |   and rate questions; clinc international_fees, interest_rate |                 |           |
 * | bitext delivery/refund-policy questions; banking77 info       | question        | inquiry   |
 * |   questions; clinc accept_reservations, how_busy, calories…   |                 |           |
 * | bitext account/order/refund/invoice asks; banking77 asks;     | request         | support   |
 * |   clinc order_status, cancel/confirm_reservation              |                 |           |
 * | banking77 charged twice, wrong amount/rate, extra charge      | complaint       | complaint |
 * | clinc greeting                                               | greeting        | other     |
 * | clinc thank_you; positive tweets with a praise word (6 langs) | compliment      | feedback  |
 * | sms spam                                                     | spam            | other     |
 * | sms ham, neutral tweets, clinc oos and assistant commands     | other           | other     |
 *
 * The mapping defines the labels: dev figures measure agreement with it, not with people.
 * Rows are split by the shared development split; only train rows are learned from.
 */
import { writeFileSync } from 'node:fs';
import { INTENT_SPEC } from '../src/intent/local-model.ts';
import { INTENTS } from '../src/intent/schema.ts';
import { socialSplit } from '../src/intent/social-data.ts';
import { predict, serializeLinearModel, trainLinearModel } from '../src/learn/linear-model.ts';
import { classificationReport } from '../src/learn/metrics.ts';

const started = performance.now();
const { train, dev } = socialSplit();
const counts = new Map<string, number>();
for (const r of train) counts.set(r.intent, (counts.get(r.intent) ?? 0) + 1);
// Balance the loss: greeting and compliment have a few hundred rows, request has thousands.
const labels = [...counts.keys()].sort();
const mean = train.length / labels.length;
const classWeights = labels.map((l) => Math.min(3, Math.sqrt(mean / (counts.get(l) ?? mean))));
const model = trainLinearModel(
  train.map((r) => ({ text: r.text, label: r.intent })),
  INTENT_SPEC,
  { epochs: 8, classWeights },
);
const seconds = (performance.now() - started) / 1000;
const report = classificationReport(
  dev.map((r) => r.intent),
  dev.map((r) => predict(model, r.text).label),
);
const missing = INTENTS.filter((i) => !labels.includes(i));
if (missing.length) console.warn(`labels without training rows: ${missing.join(', ')}`);
const meta = {
  data: 'mapped public intents (src/intent/training-map.ts), shared dev split held out',
  trainRows: train.length,
  devRows: dev.length,
  devAccuracy: report.accuracy,
  devMacroF1: report.macroF1,
  trainSeconds: seconds,
};
const file = serializeLinearModel(model, meta);
const out = new URL('../models/intent.json', import.meta.url);
writeFileSync(out, JSON.stringify(file));
console.log(`train ${train.length} rows, dev ${dev.length}; ${seconds.toFixed(1)} s`);
console.log(
  `dev accuracy ${(100 * report.accuracy).toFixed(1)}, macro F1 ${(100 * report.macroF1).toFixed(1)}`,
);
for (const [label, m] of Object.entries(report.perLabel))
  console.log(`  ${label.padEnd(16)} F1 ${(100 * m.f1).toFixed(1)}  (n=${m.support})`);
console.log(`wrote ${out.pathname} (${(JSON.stringify(file).length / 1e6).toFixed(2)} MB)`);
