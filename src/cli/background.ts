import type { AppContext } from '../app/index.ts';

/** Background workers (e.g. the analysis job queue) that run beside the HTTP server. Domains add theirs. */
export const backgroundStarters: ((ctx: AppContext) => Promise<void> | void)[] = [];

export async function startBackground(ctx: AppContext) {
  for (const s of backgroundStarters) await s(ctx);
}

// the durable job queue (call analysis and any other registered job kinds)
backgroundStarters.push((ctx) => ctx.jobs.start());
