import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, newId } from '../../core/index.ts';
import type { AppContext } from '../../app/index.ts';
import { defineRoute, ANY_ROLE, STAFF, COMPANY_MANAGERS, companyParamScope } from '../route.ts';

const uuid = z.string().uuid('must be an id');

async function orderScope(req: FastifyRequest, ctx: AppContext) {
  const o = await ctx.repos.billing.orderById((req.params as { orderId: string }).orderId);
  if (!o) throw new AppError('NOT_FOUND', 'Order was not found.');
  return { companyId: o.companyId, notFound: 'Order was not found.' };
}

const money = (cents: number, currency: string) => ({ cents, display: `${(cents / 100).toFixed(2)} ${currency}` });

export function billingRoutes(app: FastifyInstance) {
  defineRoute(app, {
    method: 'GET',
    url: '/api/packages',
    access: { roles: ANY_ROLE },
    handler: async ({ ctx, user }) => ({ packages: await ctx.repos.billing.listPackages(user.role === 'admin' || user.role === 'super_admin') }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/packages',
    access: { roles: STAFF },
    body: z.object({
      name: z.string().trim().min(2).max(120),
      seats: z.number().int().min(1).max(10_000),
      priceCents: z.number().int().min(0).max(100_000_000),
      currency: z.enum(['ILS', 'USD', 'EUR']).default('ILS'),
    }),
    handler: async ({ ctx, body, reply }) => {
      reply.status(201);
      return { package: await ctx.repos.billing.insertPackage({ id: newId(), ...body, active: true }) };
    },
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/packages/:packageId',
    access: { roles: STAFF },
    params: z.object({ packageId: uuid }),
    body: z.object({ name: z.string().trim().min(2).max(120), priceCents: z.number().int().min(0), active: z.boolean() }).partial().strict(),
    handler: async ({ ctx, params, body }) => {
      const p = await ctx.repos.billing.updatePackage(params.packageId, body);
      if (!p) throw new AppError('NOT_FOUND', 'Seat package was not found.');
      return { package: p };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/discount-codes',
    access: { roles: STAFF },
    handler: async ({ ctx }) => ({ codes: await ctx.repos.billing.listCodes() }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/discount-codes',
    access: { roles: STAFF },
    body: z
      .object({
        code: z.string().trim().min(3).max(40).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only'),
        kind: z.enum(['percent', 'fixed']),
        value: z.number().int().min(1),
        validFrom: z.coerce.date().nullable().optional(),
        validUntil: z.coerce.date().nullable().optional(),
        maxUses: z.number().int().min(1).nullable().optional(),
      })
      .refine((b) => b.kind !== 'percent' || b.value <= 100, { message: 'a percentage is at most 100', path: ['value'] })
      .refine((b) => !b.validFrom || !b.validUntil || b.validFrom < b.validUntil, { message: 'must be after validFrom', path: ['validUntil'] }),
    handler: async ({ ctx, body, reply }) => {
      if (await ctx.repos.billing.codeByCode(body.code)) throw new AppError('CONFLICT', `The code ${body.code} already exists.`);
      reply.status(201);
      return { code: await ctx.repos.billing.insertCode({ id: newId(), ...body, uses: 0, active: true }) };
    },
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/discount-codes/:codeId',
    access: { roles: STAFF },
    params: z.object({ codeId: uuid }),
    body: z.object({ active: z.boolean() }).strict(),
    handler: async ({ ctx, params, body }) => {
      const c = await ctx.repos.billing.updateCode(params.codeId, body);
      if (!c) throw new AppError('NOT_FOUND', 'Discount code was not found.');
      return { code: c };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/quote',
    access: { roles: COMPANY_MANAGERS },
    body: z.object({ packageId: uuid, discountCode: z.string().trim().max(40).optional() }),
    handler: async ({ ctx, body }) => {
      const q = await ctx.billing.quote(body.packageId, body.discountCode || undefined);
      return {
        package: q.pkg,
        list: money(q.price.list, q.pkg.currency),
        discount: money(q.price.discount, q.pkg.currency),
        total: money(q.price.total, q.pkg.currency),
      };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/companies/:companyId/orders',
    access: { roles: COMPANY_MANAGERS, scope: companyParamScope },
    params: z.object({ companyId: uuid }),
    handler: async ({ ctx, params }) => ({ orders: await ctx.repos.billing.ordersByCompany(params.companyId) }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/companies/:companyId/orders',
    access: { roles: COMPANY_MANAGERS, scope: companyParamScope },
    params: z.object({ companyId: uuid }),
    body: z.object({ packageId: uuid, discountCode: z.string().trim().max(40).optional() }),
    handler: async ({ ctx, params, body, user, reply }) => {
      reply.status(201);
      return { order: await ctx.billing.createOrder(params.companyId, body.packageId, body.discountCode || undefined, user.id) };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/orders',
    access: { roles: STAFF },
    handler: async ({ ctx }) => ({ orders: await ctx.repos.billing.allOrders() }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/orders/:orderId/mark-paid',
    access: { roles: STAFF, scope: orderScope },
    params: z.object({ orderId: uuid }),
    body: z.object({ reference: z.string().trim().max(200).optional() }),
    handler: async ({ ctx, params, body, user }) => ({ order: await ctx.billing.markPaid(params.orderId, user.id, 'manual', body.reference) }),
  });

  /** Test-mode payment (PAYMENTS_MODE=test only): the payment-gateway seam without a gateway; the buyer "pays" and seats are added. */
  defineRoute(app, {
    method: 'POST',
    url: '/api/orders/:orderId/pay-test',
    access: { roles: COMPANY_MANAGERS, scope: orderScope },
    params: z.object({ orderId: uuid }),
    handler: async ({ ctx, params, user }) => {
      // never on by default: without PAYMENTS_MODE=test only platform staff mark an order paid (mark-paid)
      if (ctx.config.PAYMENTS_MODE !== 'test') {
        throw new AppError('FORBIDDEN', 'Test payments are turned off on this server. Platform staff mark an order paid once the payment arrives.', { details: { paymentsMode: ctx.config.PAYMENTS_MODE } });
      }
      return { order: await ctx.billing.markPaid(params.orderId, user.id, 'test', `test-${Date.now()}`) };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/orders/:orderId/cancel',
    access: { roles: COMPANY_MANAGERS, scope: orderScope },
    params: z.object({ orderId: uuid }),
    handler: async ({ ctx, params }) => {
      const o = await ctx.repos.billing.cancel(params.orderId);
      if (!o) throw new AppError('CONFLICT', 'Only a pending order can be cancelled.');
      return { order: o };
    },
  });
}
