// Entry of the coaching worker thread (worker-host.ts): the server runs its TypeScript sources through tsx,
// and a worker thread needs its own loader before it can import them.
import { register } from 'tsx/esm/api';

register();
await import('./worker-main.ts');
