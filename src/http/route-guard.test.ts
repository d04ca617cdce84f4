/**
 * The guard's "not yours = not found" rule for any scope resolver, even one that does not declare its `notFound`
 * message: the answer for another company's resource is the resolver's own answer for an id that exists nowhere.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError, newId } from '../core/index.ts';
import { startTestApp, type TestApp } from '../testing/app.ts';
import { defineRoute, ANY_ROLE } from './route.ts';
import { routeModules } from './routes/index.ts';

const FOREIGN = newId();
const widgets = (app: FastifyInstance) =>
  defineRoute(app, {
    method: 'GET',
    url: '/api/test-widgets/:widgetId',
    access: {
      roles: ANY_ROLE,
      // a resolver written without `notFound`: it knows one widget, of another company
      scope: (req) => {
        if ((req.params as { widgetId: string }).widgetId !== FOREIGN) throw new AppError('NOT_FOUND', 'Widget was not found.');
        return { companyId: newId() };
      },
    },
    params: z.object({ widgetId: z.string().uuid() }),
    handler: () => ({ widget: 'secret' }),
  });

describe('the guard answers "not yours" as "missing"', () => {
  let t: TestApp;
  beforeAll(async () => {
    routeModules.push(widgets);
    t = await startTestApp();
  });
  afterAll(async () => {
    routeModules.splice(routeModules.indexOf(widgets), 1);
    await t?.close();
  });

  it('uses the resolver’s own not-found answer for a resource of another company', async () => {
    const cookie = await t.login('manager@demo.salesgym.dev');
    const foreign = await t.app.inject({ method: 'GET', url: `/api/test-widgets/${FOREIGN}`, headers: { cookie } });
    const missing = await t.app.inject({ method: 'GET', url: `/api/test-widgets/${newId()}`, headers: { cookie } });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).toBe(missing.body);
    expect(foreign.json().error.message).toBe('Widget was not found.');
  });
});
