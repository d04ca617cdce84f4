import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../driver.ts';
import { auditLog } from '../schema-security.ts';

export type AuditRow = typeof auditLog.$inferSelect;
export type NewAudit = typeof auditLog.$inferInsert;

/** The audit log: append-only records of sensitive reads (who, what, when). */
export function auditRepo(db: Db) {
  return {
    async record(e: NewAudit): Promise<void> {
      await db.insert(auditLog).values(e);
    },
    async forTarget(targetType: string, targetId: string): Promise<AuditRow[]> {
      return db.select().from(auditLog).where(and(eq(auditLog.targetType, targetType), eq(auditLog.targetId, targetId))).orderBy(desc(auditLog.at));
    },
    async forCompany(companyId: string, limit = 200): Promise<AuditRow[]> {
      return db.select().from(auditLog).where(eq(auditLog.companyId, companyId)).orderBy(desc(auditLog.at)).limit(limit);
    },
  };
}
