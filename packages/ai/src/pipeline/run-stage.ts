/** One stage's record: how long it took, what ran, whether it fell back, what it cost. */
export type StageRecord = {
  stage: string;
  ms: number;
  engine: string;
  fallback: boolean;
  /** Input plus output tokens of the stage's model call (0 without one). */
  tokens: number;
  input_tokens: number;
  output_tokens: number;
  cost_usd: number;
  error?: string;
};

export class StageTimeout extends Error {
  constructor(stage: string, ms: number) {
    super(`${stage} took longer than ${ms} ms`);
  }
}

/**
 * Runs a stage under a deadline; on timeout or error the fallback answers instead (ARCHITECTURE.md
 * invariant 5: the AI never blocks the pipeline). The attempt's cost still counts.
 */
export async function runStage<T>(
  records: StageRecord[],
  stage: string,
  timeoutMs: number,
  attempt:
    | (() => Promise<{
        value: T;
        engine: string;
        usage?: { inputTokens: number; outputTokens: number };
        costUsd?: number;
      }>)
    | undefined,
  fallback: () => { value: T; engine: string },
): Promise<T> {
  const started = performance.now();
  const done = (r: Omit<StageRecord, 'stage' | 'ms'>) =>
    records.push({ stage, ms: Math.round((performance.now() - started) * 1000) / 1000, ...r });
  if (attempt) {
    let timer: NodeJS.Timeout | undefined;
    try {
      const result = await Promise.race([
        attempt(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new StageTimeout(stage, timeoutMs)), timeoutMs);
        }),
      ]);
      done({
        engine: result.engine,
        fallback: false,
        tokens: (result.usage?.inputTokens ?? 0) + (result.usage?.outputTokens ?? 0),
        input_tokens: result.usage?.inputTokens ?? 0,
        output_tokens: result.usage?.outputTokens ?? 0,
        cost_usd: result.costUsd ?? 0,
      });
      return result.value;
    } catch (err) {
      const f = fallback();
      done({
        engine: f.engine,
        fallback: true,
        tokens: 0,
        input_tokens: 0,
        output_tokens: 0,
        cost_usd: 0,
        error: err instanceof Error ? err.message.slice(0, 200) : String(err),
      });
      return f.value;
    } finally {
      clearTimeout(timer);
    }
  }
  const f = fallback();
  done({ engine: f.engine, fallback: false, tokens: 0, input_tokens: 0, output_tokens: 0, cost_usd: 0 });
  return f.value;
}
