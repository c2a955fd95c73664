import { ConfigError, loadConfig } from '@replyforce/config';
import { migrateDatabase, openDatabase } from '@replyforce/db';
import { runProcess } from './main.ts';
import { WORKER_QUEUES, type WorkerQueue } from './workers/index.ts';

const USAGE = `usage: replyforce <command>
  start    API + worker in one process (the embedded default)
  api      HTTP API only (needs DATABASE_URL and REDIS_URL)
  worker   job worker and scheduler only (needs DATABASE_URL and REDIS_URL)
           --queues inbound,ai   consume only these queues (default: all)
  migrate  apply database migrations, then exit
  simulate drive customer messages at a running server through its sandbox and report replies
           --channel messenger|instagram|whatsapp|x  (replyforce simulate --help for the options)`;

/** `--queues inbound,ai` (or `--queues=inbound,ai`): the queues this worker consumes. */
function workerQueues(args: string[]): WorkerQueue[] | undefined {
  const i = args.findIndex((a) => a === '--queues' || a.startsWith('--queues='));
  if (i < 0) return undefined;
  const list = args[i]?.includes('=') ? args[i]?.split('=')[1] : args[i + 1];
  const names = (list ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !(WORKER_QUEUES as readonly string[]).includes(n));
  if (names.length === 0 || unknown.length > 0)
    throw new Error(`--queues expects a comma-separated list of: ${WORKER_QUEUES.join(', ')}`);
  return names as WorkerQueue[];
}

async function main(argv: string[]): Promise<void> {
  const command = argv[0] ?? 'start';
  if (command === 'help' || command === '--help') {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  switch (command) {
    case 'start':
      return runProcess(config, 'all');
    case 'api':
      return runProcess(config, 'api');
    case 'worker':
      return runProcess(config, 'worker', { queues: workerQueues(argv.slice(1)) });
    case 'migrate': {
      const db = await openDatabase(config);
      await migrateDatabase(db);
      await db.close();
      console.log(`migrations applied (${config.embedded ? config.dataDir : 'PostgreSQL'})`);
      return;
    }
    case 'simulate': {
      const { simulateCommand } = await import('./simulate/command.ts');
      return simulateCommand(argv.slice(1));
    }
    default:
      console.error(`unknown command '${command}'\n${USAGE}`);
      process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
