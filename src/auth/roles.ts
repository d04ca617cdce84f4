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
  sessionId: string;
}

/** Platform rank: a user acts on another user only of a lower rank (the super admin on anyone). */
export const ROLE_RANK: Record<Role, number> = { super_admin: 3, admin: 2, manager: 1, agent: 0 };

/**
 * The role hierarchy: may `actor` change, reset or deactivate `target`? Themselves yes; the super admin anyone;
 * everybody else only users of a strictly lower platform role (an admin never another admin or the super admin).
 */
export function mayActOn(actor: Pick<Principal, 'id' | 'role'>, target: { id: string; role: Role }): boolean {
  if (actor.id === target.id || actor.role === 'super_admin') return true;
  return ROLE_RANK[actor.role] > ROLE_RANK[target.role];
}

/** Who owns a resource, as the tenant guard compares it with the principal. */
export interface ResourceScope {
  companyId: string | null;
  /** The user who owns it (an agent's call or session); undefined for company-wide resources. */
  ownerUserId?: string | null;
  /** True when the owner shared it with their manager (practice privacy). */
  sharedWithManager?: boolean;
  /** A user the request acts on (change, reset, deactivate): the guard applies the role hierarchy to them. */
  subject?: { id: string; role: Role };
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
