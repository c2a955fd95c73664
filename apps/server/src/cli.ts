import { readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { ConfigError, loadConfig } from '@replyforce/config';
import type { WorkerQueue } from './workers/index.ts';

const USAGE = `usage: replyforce <command>
  start    API + worker in one process (the embedded default)
  api      HTTP API only (needs DATABASE_URL and REDIS_URL)
  worker   job worker and scheduler only (needs DATABASE_URL and REDIS_URL)
           --queues inbound,ai   consume only these queues (default: all)
  migrate  apply database migrations, then exit
  simulate drive customer messages at a running server through its sandbox and report replies
           --channel messenger|instagram|whatsapp|x  (replyforce simulate --help for the options)
The local AI models, offline (JSON Lines in and out):
  analyze  stdin {"text"} → one analysis per line (language, sentiment, intent, lead, pii, …)
  intents  train --data f.jsonl --out model.json | classify --model model.json
  kb       search --kb kb.jsonl [--k 10]   stdin {"query"} → {"ids": [...]}`;

/** `--queues inbound,ai` (or `--queues=inbound,ai`): the queues this worker consumes. */
async function workerQueues(args: string[]): Promise<WorkerQueue[] | undefined> {
  const i = args.findIndex((a) => a === '--queues' || a.startsWith('--queues='));
  if (i < 0) return undefined;
  const { WORKER_QUEUES } = await import('./workers/index.ts');
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

const DRIZZLE = '/node_modules/drizzle-orm/';

/**
 * Node's ES module loader looks up the package scope of every `.js` file it resolves and loads (to
 * learn its "type"), and each lookup hands back that package.json's whole "exports" field as a new
 * string. drizzle-orm's package.json is ~180 KB and the ORM is a few hundred small files, so
 * importing it allocated ~65 MB of those strings, which pushed V8 to grow its young generation to
 * the maximum (128 MB) during startup: ~90 MB of resident memory every process then kept. Its files
 * import each other by relative `.js` paths inside a `"type": "module"` package, so those imports
 * are resolved here as what they are, ES modules, without the lookup. Every other import resolves
 * as usual. Registered before anything imports the database layer.
 */
function resolveDrizzleDirectly(): void {
  const esmRoots = new Map<string, boolean>();
  const isEsmPackage = (root: string): boolean => {
    let esm = esmRoots.get(root);
    if (esm === undefined) {
      try {
        esm =
          (JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { type?: string }).type ===
          'module';
      } catch {
        esm = false;
      }
      esmRoots.set(root, esm);
    }
    return esm;
  };
  registerHooks({
    resolve(specifier, context, nextResolve) {
      const parent = context.parentURL;
      const at = parent?.startsWith('file:') ? parent.lastIndexOf(DRIZZLE) : -1;
      if (
        parent &&
        at >= 0 &&
        (specifier.startsWith('./') || specifier.startsWith('../')) &&
        specifier.endsWith('.js') &&
        context.conditions?.includes('import') &&
        isEsmPackage(parent.slice(0, at + DRIZZLE.length))
      ) {
        return { url: new URL(specifier, parent).href, format: 'module', shortCircuit: true };
      }
      return nextResolve(specifier, context);
    },
  });
}

async function main(argv: string[]): Promise<void> {
  const command = argv[0] ?? 'start';
  if (command === 'help' || command === '--help') {
    console.log(USAGE);
    return;
  }
  if (command === 'analyze' || command === 'intents' || command === 'kb') {
    // The models need neither configuration nor a database.
    return (await import('./ai-cli/commands.ts')).aiCommand(command, argv.slice(1));
  }
  const config = loadConfig();
  // Commands import what they run when they run it, so each process loads only its own code.
  switch (command) {
    case 'start':
      return (await import('./main.ts')).runProcess(config, 'all');
    case 'api':
      return (await import('./main.ts')).runProcess(config, 'api');
    case 'worker': {
      const queues = await workerQueues(argv.slice(1));
      return (await import('./main.ts')).runProcess(config, 'worker', { queues });
    }
    case 'migrate': {
      const { migrateDatabase, openDatabase } = await import('@replyforce/db');
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

resolveDrizzleDirectly();
main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
