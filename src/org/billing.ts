import { AppError, newId } from '../core/index.ts';
import type { Repositories, DiscountCodeRow, SeatPackageRow } from '../db/index.ts';

/** Price of a package after a discount code, in cents (never below zero). */
export function priceWithDiscount(pkg: Pick<SeatPackageRow, 'priceCents'>, code: Pick<DiscountCodeRow, 'kind' | 'value'> | null) {
  const list = pkg.priceCents;
  if (!code) return { list, discount: 0, total: list };
  const discount = code.kind === 'percent' ? Math.round((list * code.value) / 100) : Math.min(code.value, list);
  return { list, discount, total: list - discount };
}

/** Why a code cannot be used now, or null when it can. */
export function codeProblem(code: DiscountCodeRow, now = new Date()): string | null {
  if (!code.active) return 'This discount code is no longer active.';
  if (code.validFrom && now < code.validFrom) return `This discount code is valid from ${code.validFrom.toISOString().slice(0, 10)}.`;
  if (code.validUntil && now > code.validUntil) return `This discount code expired on ${code.validUntil.toISOString().slice(0, 10)}.`;
  if (code.maxUses != null && code.uses >= code.maxUses) return 'This discount code has been used up.';
  return null;
}

/**
 * Seat packages, discount codes and orders. Payment goes through a gateway seam; without a gateway an admin
 * marks an order paid, or the test-mode flow pays it (method 'test').
 */
export function createBillingService(repos: Repositories) {
  return {
    async quote(packageId: string, code?: string) {
      const pkg = await repos.billing.packageById(packageId);
      if (!pkg || !pkg.active) throw new AppError('NOT_FOUND', 'Seat package was not found.');
      let dc: DiscountCodeRow | null = null;
      if (code) {
        dc = (await repos.billing.codeByCode(code)) ?? null;
        if (!dc) throw new AppError('VALIDATION_FAILED', `Discount code "${code}" does not exist.`, { details: { fields: { discountCode: 'unknown code' } } });
        const problem = codeProblem(dc);
        if (problem) throw new AppError('VALIDATION_FAILED', problem, { details: { fields: { discountCode: problem } } });
      }
      return { pkg, code: dc, price: priceWithDiscount(pkg, dc) };
    },

    async createOrder(companyId: string, packageId: string, code: string | undefined, by: string | null) {
      const q = await this.quote(packageId, code);
      const order = await repos.billing.createOrder({
        id: newId(),
        companyId,
        packageId,
        discountCodeId: q.code?.id ?? null,
        seats: q.pkg.seats,
        listPriceCents: q.price.list,
        discountCents: q.price.discount,
        totalCents: q.price.total,
        currency: q.pkg.currency,
        status: 'pending',
        createdBy: by,
      });
      if (!order) throw new AppError('CONFLICT', 'This discount code has just been used up. Try again without it.');
      return order;
    },

    async markPaid(orderId: string, by: string | null, method: 'manual' | 'test', reference?: string) {
      const order = await repos.billing.markPaid(orderId, { userId: by, method, reference });
      if (!order) {
        const existing = await repos.billing.orderById(orderId);
        if (!existing) throw new AppError('NOT_FOUND', 'Order was not found.');
        throw new AppError('CONFLICT', `The order is already ${existing.status}.`);
      }
      return order;
    },
  };
}
export type BillingService = ReturnType<typeof createBillingService>;
