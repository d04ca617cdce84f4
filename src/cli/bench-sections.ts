import { benchSections } from './bench.ts';
import { benchPlatform } from '../http/bench.ts';

/** Every benchmark section, in the order `npm run bench` runs them. */
benchSections.platform = benchPlatform;
