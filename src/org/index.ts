export * from './questionnaire.ts';
export { DEMO_QUESTIONNAIRE } from './demo-questionnaire.ts';
export { createOrgService, publicUser, publicCompany, type OrgService, type PublicUser, type NewMember } from './service.ts';
export { createQuotaService, quotaLevel, type QuotaService, type QuotaLine } from './quotas.ts';
export { createBillingService, priceWithDiscount, codeProblem, type BillingService } from './billing.ts';
export { seedPlatformDemo, DEMO_USERS, DEMO_PASSWORD } from './demo.ts';
