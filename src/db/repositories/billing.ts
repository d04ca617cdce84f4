import { asc, desc, eq, and, sql } from 'drizzle-orm';
import type { Db } from '../driver.ts';
import { seatPackages, discountCodes, orders, companies } from '../schema.ts';

export type SeatPackageRow = typeof seatPackages.$inferSelect;
export type DiscountCodeRow = typeof discountCodes.$inferSelect;
export type OrderRow = typeof orders.$inferSelect;

export function billingRepo(db: Db) {
  return {
    async listPackages(includeInactive = false): Promise<SeatPackageRow[]> {
      const q = db.select().from(seatPackages);
      return (includeInactive ? q : q.where(eq(seatPackages.active, true))).orderBy(asc(seatPackages.seats));
    },
    async packageById(id: string): Promise<SeatPackageRow | undefined> {
      const [p] = await db.select().from(seatPackages).where(eq(seatPackages.id, id));
      return p;
    },
    async insertPackage(p: typeof seatPackages.$inferInsert): Promise<SeatPackageRow> {
      const [row] = await db.insert(seatPackages).values(p).returning();
      return row;
    },
    async updatePackage(id: string, patch: Partial<typeof seatPackages.$inferInsert>) {
      if (Object.keys(patch).length === 0) return this.packageById(id);
      const [row] = await db.update(seatPackages).set(patch).where(eq(seatPackages.id, id)).returning();
      return row;
    },
    async listCodes(): Promise<DiscountCodeRow[]> {
      return db.select().from(discountCodes).orderBy(desc(discountCodes.createdAt));
    },
    async codeByCode(code: string): Promise<DiscountCodeRow | undefined> {
      const [c] = await db.select().from(discountCodes).where(eq(discountCodes.code, code.trim().toUpperCase()));
      return c;
    },
    async insertCode(c: typeof discountCodes.$inferInsert): Promise<DiscountCodeRow> {
      const [row] = await db.insert(discountCodes).values({ ...c, code: c.code.trim().toUpperCase() }).returning();
      return row;
    },
    async updateCode(id: string, patch: Partial<typeof discountCodes.$inferInsert>) {
      const [row] = await db.update(discountCodes).set(patch).where(eq(discountCodes.id, id)).returning();
      return row;
    },
    /**
     * Records an order; when a discount code is used, its use is counted in the same transaction with a
     * conditional UPDATE so a code with N uses left is never used N+1 times. Returns undefined when the
     * code has just run out.
     */
    async createOrder(o: typeof orders.$inferInsert): Promise<OrderRow | undefined> {
      return db.transaction(async (tx) => {
        if (o.discountCodeId) {
          const used = await tx
            .update(discountCodes)
            .set({ uses: sql`${discountCodes.uses} + 1` })
            .where(
              and(
                eq(discountCodes.id, o.discountCodeId),
                sql`(${discountCodes.maxUses} IS NULL OR ${discountCodes.uses} < ${discountCodes.maxUses})`,
              ),
            )
            .returning({ id: discountCodes.id });
          if (used.length === 0) return undefined;
        }
        const [row] = await tx.insert(orders).values(o).returning();
        return row;
      });
    },
    async orderById(id: string): Promise<OrderRow | undefined> {
      const [o] = await db.select().from(orders).where(eq(orders.id, id));
      return o;
    },
    async ordersByCompany(companyId: string): Promise<OrderRow[]> {
      return db.select().from(orders).where(eq(orders.companyId, companyId)).orderBy(desc(orders.createdAt));
    },
    async allOrders(): Promise<OrderRow[]> {
      return db.select().from(orders).orderBy(desc(orders.createdAt)).limit(500);
    },
    /** Marks a pending order paid and raises the company's seat limit, once (a second call changes nothing). */
    async markPaid(id: string, by: { userId: string | null; method: string; reference?: string }): Promise<OrderRow | undefined> {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .update(orders)
          .set({ status: 'paid', paidAt: new Date(), paidBy: by.userId, paymentMethod: by.method, paymentReference: by.reference ?? null })
          .where(and(eq(orders.id, id), eq(orders.status, 'pending')))
          .returning();
        if (!row) return undefined;
        await tx
          .update(companies)
          .set({ seatLimit: sql`${companies.seatLimit} + ${row.seats}` })
          .where(eq(companies.id, row.companyId));
        return row;
      });
    },
    async cancel(id: string): Promise<OrderRow | undefined> {
      const [row] = await db
        .update(orders)
        .set({ status: 'cancelled' })
        .where(and(eq(orders.id, id), eq(orders.status, 'pending')))
        .returning();
      return row;
    },
  };
}
