import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * System tools some suites need. Where one is missing the suite is skipped with a visible reason,
 * unless SALESGYM_REQUIRE_TOOLS=1 (set by .ci/run), which turns every such skip into a failure.
 */
export type Tool = 'ffmpeg' | 'ffprobe' | 'espeak-ng' | 'chromium' | 'postgres' | 'sox' | 'redis-server' | 'haproxy';

const cache = new Map<Tool, string | null>();

function which(cmd: string): string | null {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

export function toolPath(tool: Tool): string | null {
  if (cache.has(tool)) return cache.get(tool)!;
  let p: string | null = null;
  if (tool === 'chromium') p = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((x) => existsSync(x)) ?? null;
  else if (tool === 'postgres') {
    for (const v of ['17', '16', '15', '14']) {
      const bin = `/usr/lib/postgresql/${v}/bin/postgres`;
      if (existsSync(bin)) {
        p = bin;
        break;
      }
    }
  } else if (tool === 'haproxy') p = which('haproxy') ?? (existsSync('/usr/sbin/haproxy') ? '/usr/sbin/haproxy' : null);
  else p = which(tool);
  cache.set(tool, p);
  return p;
}

export const toolsRequired = (): boolean => process.env.SALESGYM_REQUIRE_TOOLS === '1';

/**
 * Returns true when every tool is present. When one is missing: prints why the suite skips, or throws when
 * SALESGYM_REQUIRE_TOOLS=1. Use as `describe.skipIf(!haveTools(['ffmpeg']))(...)`.
 */
export function haveTools(tools: Tool[], suite = 'this suite'): boolean {
  const missing = tools.filter((t) => !toolPath(t));
  if (missing.length === 0) return true;
  const msg = `${suite} needs ${missing.join(', ')} (not installed)`;
  if (toolsRequired()) throw new Error(`SALESGYM_REQUIRE_TOOLS=1 and ${msg}`);
  console.warn(`SKIP: ${msg}; install it (see .ci/run) to run it.`);
  return false;
}
