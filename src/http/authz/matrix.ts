/**
 * The authorization matrix: for every API route, who may call it, for a resource of their own company and
 * of another company. The matrix test walks every registered route × role × own/other company; a route
 * with no entry here fails it. Feature domains add their routes' entries (and param fixtures) here.
 */
export type Allow = boolean | [own: boolean, other: boolean];
export interface Expectation {
  anon: boolean;
  super_admin: Allow;
  admin: Allow;
  manager: Allow;
  agent: Allow;
}

export const PUBLIC: Expectation = { anon: true, super_admin: true, admin: true, manager: true, agent: true };
/** Any signed-in user; no tenant resource involved. */
export const SIGNED_IN: Expectation = { anon: false, super_admin: true, admin: true, manager: true, agent: true };
export const STAFF_ONLY: Expectation = { anon: false, super_admin: true, admin: true, manager: false, agent: false };
export const SUPER_ONLY: Expectation = { anon: false, super_admin: true, admin: false, manager: false, agent: false };
/** Staff anywhere; a company member only in their own company. */
export const COMPANY_MEMBERS: Expectation = { anon: false, super_admin: true, admin: true, manager: [true, false], agent: [true, false] };
/** Staff anywhere; a manager only in their own company; never agents. */
export const COMPANY_MANAGERS: Expectation = { anon: false, super_admin: true, admin: true, manager: [true, false], agent: false };
/** Staff anywhere; managers only in their own company (no tenant param: a manager/agent role check). */
export const MANAGERS_NO_TENANT: Expectation = { anon: false, super_admin: true, admin: true, manager: true, agent: false };
/** Staff-only actions on one company's resource. */
export const STAFF_ON_TENANT: Expectation = STAFF_ONLY;
/** Company members who practise (managers and agents), not platform staff. */
export const PRACTISERS: Expectation = { anon: false, super_admin: false, admin: false, manager: true, agent: true };
/** Only the user who owns the resource (the agent practising), nobody else — not even staff. */
export const OWNER_ONLY: Expectation = { anon: false, super_admin: false, admin: false, manager: false, agent: [true, false] };

/** Live observation: a company's managers, in their own company only; not staff, not agents (issue 17). */
export const LIVE_OBSERVERS: Expectation = { anon: false, super_admin: false, admin: false, manager: [true, false], agent: false };

export const MATRIX: Record<string, Expectation> = {
  'GET /api/health': PUBLIC,
  'POST /api/auth/login': PUBLIC,
  'POST /api/auth/logout': PUBLIC,
  'GET /api/me': SIGNED_IN,
  'PATCH /api/me': SIGNED_IN,
  'POST /api/me/password': SIGNED_IN,

  'GET /api/companies': STAFF_ONLY,
  'POST /api/companies': STAFF_ONLY,
  'GET /api/companies/:companyId': COMPANY_MEMBERS,
  'PATCH /api/companies/:companyId': STAFF_ON_TENANT,
  'PATCH /api/companies/:companyId/settings': COMPANY_MANAGERS,
  'GET /api/companies/:companyId/usage': COMPANY_MANAGERS,
  'GET /api/companies/:companyId/users': COMPANY_MANAGERS,
  'POST /api/companies/:companyId/agents': COMPANY_MANAGERS,
  'POST /api/companies/:companyId/managers': STAFF_ON_TENANT,
  'PATCH /api/users/:userId': COMPANY_MANAGERS,
  'POST /api/users/:userId/password-reset': STAFF_ON_TENANT,
  'GET /api/companies/:companyId/teams': COMPANY_MEMBERS,
  'POST /api/companies/:companyId/teams': COMPANY_MANAGERS,
  'DELETE /api/companies/:companyId/teams/:teamId': COMPANY_MANAGERS,
  'GET /api/companies/:companyId/questionnaire': COMPANY_MEMBERS,
  'PUT /api/companies/:companyId/questionnaire': COMPANY_MANAGERS,
  'GET /api/companies/:companyId/audit': STAFF_ON_TENANT,
  'GET /api/admin/stats': STAFF_ONLY,
  'GET /api/admin/staff': SUPER_ONLY,
  'POST /api/admin/staff': SUPER_ONLY,

  'GET /api/packages': SIGNED_IN,
  'POST /api/packages': STAFF_ONLY,
  'PATCH /api/packages/:packageId': STAFF_ONLY,
  'GET /api/discount-codes': STAFF_ONLY,
  'POST /api/discount-codes': STAFF_ONLY,
  'PATCH /api/discount-codes/:codeId': STAFF_ONLY,
  'POST /api/quote': MANAGERS_NO_TENANT,
  'GET /api/companies/:companyId/orders': COMPANY_MANAGERS,
  'POST /api/companies/:companyId/orders': COMPANY_MANAGERS,
  'GET /api/orders': STAFF_ONLY,
  'POST /api/orders/:orderId/mark-paid': STAFF_ON_TENANT,
  'POST /api/orders/:orderId/pay-test': COMPANY_MANAGERS,
  'POST /api/orders/:orderId/cancel': COMPANY_MANAGERS,

  'POST /api/calls': SIGNED_IN,
  'GET /api/calls': SIGNED_IN,
  'GET /api/calls/:callId': COMPANY_MEMBERS,
  'GET /api/calls/:callId/status': COMPANY_MEMBERS,
  'GET /api/calls/:callId/audio': COMPANY_MEMBERS,
  'DELETE /api/calls/:callId': COMPANY_MEMBERS,
  'POST /api/calls/:callId/retry': COMPANY_MEMBERS,

  'POST /api/simulations': PRACTISERS,
  'GET /api/simulations': SIGNED_IN,
  'GET /api/simulations/:simulationId': COMPANY_MEMBERS,
  'GET /api/simulations/:simulationId/recording': COMPANY_MEMBERS,
  'POST /api/simulations/:simulationId/end': OWNER_ONLY,
  'POST /api/simulations/:simulationId/transcription-check': OWNER_ONLY,
  'GET /api/simulations/:simulationId/socket': OWNER_ONLY,

  'GET /api/scenario-catalogue': SIGNED_IN,
  'GET /api/companies/:companyId/scenarios': COMPANY_MEMBERS,
  'POST /api/companies/:companyId/scenarios': COMPANY_MANAGERS,
  'GET /api/scenarios/:scenarioId': COMPANY_MEMBERS,
  'PUT /api/scenarios/:scenarioId': COMPANY_MANAGERS,
  'GET /api/scenarios/:scenarioId/versions': COMPANY_MANAGERS,
  'POST /api/scenarios/:scenarioId/archive': COMPANY_MANAGERS,
  'POST /api/companies/:companyId/persona-preview': COMPANY_MANAGERS,
  'POST /api/companies/:companyId/assignments': COMPANY_MANAGERS,
  'GET /api/assignments': SIGNED_IN,
  'POST /api/assignments/:assignmentId/complete': COMPANY_MEMBERS,
  'POST /api/assignments/:assignmentId/cancel': COMPANY_MANAGERS,
  'GET /api/agents/:agentId/profile': COMPANY_MEMBERS,
  'GET /api/agents/:agentId/practice-next': COMPANY_MEMBERS,
  'POST /api/agents/:agentId/self-assessment': OWNER_ONLY,
  'PUT /api/agents/:agentId/focus': COMPANY_MANAGERS,
  'GET /api/agents/:agentId/personas': COMPANY_MEMBERS,
  'GET /api/personas/:personaId': COMPANY_MEMBERS,

  // coaching: reports (managers: after the privacy window or when shared — checked past the guard), progress, team practice
  'GET /api/simulations/:simulationId/report': COMPANY_MEMBERS,
  'POST /api/simulations/:simulationId/report/share': OWNER_ONLY,
  'GET /api/progress/me': PRACTISERS,
  // one agent's progress: staff, the company's managers, and the agent themselves (never a colleague)
  'GET /api/agents/:agentId/progress': COMPANY_MEMBERS,
  // dashboards: the agent's own; one agent's (staff, the company's managers, the agent); the company's (managers)
  'GET /api/dashboard/me': PRACTISERS,
  'GET /api/agents/:agentId/dashboard': COMPANY_MEMBERS,
  'GET /api/companies/:companyId/dashboard': COMPANY_MANAGERS,
  // "practise this weakness": only the call's agent starts a practice session from it
  'POST /api/calls/:callId/practice': OWNER_ONLY,
  'GET /api/companies/:companyId/practice': COMPANY_MANAGERS,
  'GET /api/companies/:companyId/practice/summary': COMPANY_MANAGERS,

  // live observation (issue 17): the list has no tenant parameter (always the caller's company)
  'GET /api/live': { anon: false, super_admin: false, admin: false, manager: true, agent: false },
  'GET /api/live/:simulationId/observe': LIVE_OBSERVERS,
};
