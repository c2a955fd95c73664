export { type Config, ConfigError, loadConfig } from './load-config.ts';
export { type Env, envSchema } from './schema.ts';
