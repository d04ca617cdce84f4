import type { Role } from '../db/index.ts';

export type { Role };
export const ROLES: Role[] = ['super_admin', 'admin', 'manager', 'agent'];
/** Roles that act across every company (platform staff). */
export const isStaff = (r: Role): boolean => r === 'super_admin' || r === 'admin';

/** The signed-in user as the rest of the app sees it. */
export interface Principal {
  id: string;
  email: string;
  name: string;
  role: Role;
  companyId: string | null;
  teamId: string | null;
  locale: 'he' | 'en';
  /** How Hebrew addresses them (second person); null until they said (asked once). */
  gender?: 'female' | 'male' | null;
  sessionId: string;
}

/** Who owns a resource, as the tenant guard compares it with the principal. */
export interface ResourceScope {
  companyId: string | null;
  /** The user who owns it (an agent's call or session); undefined for company-wide resources. */
  ownerUserId?: string | null;
  /** True when the owner shared it with their manager (practice privacy). */
  sharedWithManager?: boolean;
}

/**
 * The one tenant rule. Staff see every company; a manager sees their own company; an agent sees their own
 * company's shared resources and only their own user-owned resources.
 */
export function canAccess(p: Principal, scope: ResourceScope): boolean {
  if (isStaff(p.role)) return true;
  if (!scope.companyId || scope.companyId !== p.companyId) return false;
  if (p.role === 'manager') return true;
  if (scope.ownerUserId === undefined) return true;
  return scope.ownerUserId === p.id;
}
