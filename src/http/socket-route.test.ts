import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import WebSocket from 'ws';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { openTestDatabase } from '../testing/db.ts';
import { testConfig } from '../config/index.ts';
import { createContext, seedDemo, type AppContext } from '../app/index.ts';
import { buildApp } from './app.ts';
import { defineSocketRoute, ANY_ROLE } from './route.ts';
import { routeModules } from './routes/index.ts';

describe('WebSocket routes', () => {
  let ctx: AppContext;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let base: string;
  const probe = (app: Parameters<(typeof routeModules)[number]>[0]) =>
    defineSocketRoute(app, {
      url: '/api/test-echo/:companyId',
      access: { roles: ANY_ROLE, scope: (req) => ({ companyId: (req.params as { companyId: string }).companyId }) },
      params: z.object({ companyId: z.string() }),
      handler: (socket, { user }) => {
        socket.on('message', (m) => socket.send(`${user.email}:${m}`));
      },
    });

  beforeAll(async () => {
    routeModules.push(probe);
    ctx = await createContext(testConfig(), await openTestDatabase());
    await seedDemo(ctx);
    app = await buildApp({ ctx, serveWeb: false, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `ws://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    routeModules.splice(routeModules.indexOf(probe), 1);
    await app?.close();
    await ctx?.database.close();
  });

  const login = async (email: string) => {
    const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'salesgym-demo' } });
    return `sg_session=${r.cookies.find((c) => c.name === 'sg_session')!.value}`;
  };
  const open = (url: string, cookie?: string) =>
    new Promise<{ ws?: WebSocket; status?: number }>((resolve) => {
      const ws = new WebSocket(url, { headers: cookie ? { cookie } : {} });
      ws.on('open', () => resolve({ ws }));
      ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode }));
    });

  it('refuses the upgrade without a session, and for another company', async () => {
    const demo = (await ctx.repos.companies.findDemo())!;
    expect((await open(`${base}/api/test-echo/${demo.id}`)).status).toBe(401);
    const cookie = await login('agent1@demo.salesgym.dev');
    expect((await open(`${base}/api/test-echo/00000000-0000-0000-0000-000000000000`, cookie)).status).toBe(404); // not yours = not found
  });

  it('upgrades an authorised user and knows who they are', async () => {
    const demo = (await ctx.repos.companies.findDemo())!;
    const { ws } = await open(`${base}/api/test-echo/${demo.id}`, await login('agent1@demo.salesgym.dev'));
    const reply = new Promise<string>((r) => ws!.once('message', (m) => r(String(m))));
    ws!.send('hi');
    expect(await reply).toBe('agent1@demo.salesgym.dev:hi');
    ws!.close();
  });
});
