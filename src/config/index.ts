export { envSchema, loadConfig, testConfig, ConfigError, type Config } from './env.ts';
