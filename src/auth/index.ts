export { hashPassword, verifyPassword } from './password.ts';
export { ROLES, ROLE_RANK, isStaff, canAccess, mayActOn, type Role, type Principal, type ResourceScope } from './roles.ts';
export { createAuthService, SESSION_COOKIE, toPrincipal, type AuthService } from './service.ts';
