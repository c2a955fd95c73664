// Run as its own process by evals/pipeline.ts: prints the milliseconds from process start until
// the local pipeline has loaded every model and analysed one message.
import { runPipeline } from '../pipeline/run-pipeline.ts';
import { sampleInput } from './sample-input.ts';

await runPipeline(sampleInput("Hi! What's the price of the Pro plan? I need it for my team today."));
process.stdout.write(`${performance.now()}\n`);
