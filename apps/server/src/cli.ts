import { ConfigError, loadConfig } from '@replyforce/config';
import { migrateDatabase, openDatabase } from '@replyforce/db';
import { runProcess } from './main.ts';

const USAGE = `usage: replyforce <command>
  start    API + worker in one process (the embedded default)
  api      HTTP API only (needs DATABASE_URL and REDIS_URL)
  worker   job worker and scheduler only (needs DATABASE_URL and REDIS_URL)
  migrate  apply database migrations, then exit`;

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
      return runProcess(config, 'worker');
    case 'migrate': {
      const db = await openDatabase(config);
      await migrateDatabase(db);
      await db.close();
      console.log(`migrations applied (${config.embedded ? config.dataDir : 'PostgreSQL'})`);
      return;
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
