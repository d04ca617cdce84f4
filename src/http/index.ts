export { buildApp, WEB_DIST, VERSION, type BuildOptions } from './app.ts';
export { defineRoute, defineSocketRoute, checkAccess, ANY_ROLE, STAFF, COMPANY_MANAGERS, companyParamScope, type Access, type RouteTableEntry, type Handled } from './route.ts';
export { toErrorBody } from './errors.ts';
