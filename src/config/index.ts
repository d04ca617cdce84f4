export { envSchema, loadConfig, testConfig, originOf, ConfigError, type Config } from './env.ts';
