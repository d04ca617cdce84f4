/**
 * THE place to plug a page into the app. Add an entry to `routes` (and optionally a card to `homeCards`);
 * the router, the role guard and the side navigation are built from these lists. Pages are lazy-loaded,
 * so each feature ships in its own chunk. Keep feature code in `src/web/pages/<feature>/`, with its strings
 * in `src/web/pages/<feature>/strings.ts` (see src/web/i18n/index.ts → defineStrings).
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { IconName } from './ui/icons.tsx';
import type { Role } from './types.ts';

export type NavSection = 'main' | 'manage' | 'platform' | 'account';

export interface AppRoute {
  /** Path under the app root without the leading slash, e.g. 'calls' or 'calls/:callId'. */
  path: string;
  /** Who may open it; others get a "not allowed" page. Keep it in line with the API route's roles. */
  roles: readonly Role[];
  component: LazyExoticComponent<ComponentType>;
  /** Present when the page has an entry in the side navigation. Lower `order` comes first within a section. */
  nav?: {
    label: { he: string; en: string };
    icon: IconName;
    section: NavSection;
    order: number;
    /** Who sees the entry when not everyone who may open the page should (default: `roles`). */
    roles?: readonly Role[];
  };
}

/** A card shown on the home page of the given roles (agent home, manager home), ordered by `order`. */
export interface HomeCard {
  id: string;
  roles: readonly Role[];
  order: number;
  component: LazyExoticComponent<ComponentType>;
}

const STAFF: Role[] = ['super_admin', 'admin'];
const MANAGERS: Role[] = ['manager'];
const EVERYONE: Role[] = ['super_admin', 'admin', 'manager', 'agent'];

const page = (load: () => Promise<{ default: ComponentType }>) => lazy(load);

export const routes: AppRoute[] = [
  // ---- everyone ----------------------------------------------------------------------------------
  {
    path: '',
    roles: EVERYONE,
    component: page(() => import('./pages/home/HomePage.tsx')),
    // staff land on Companies (HomePage redirects them), so Home is in the navigation of company members only
    nav: { label: { he: 'בית', en: 'Home' }, icon: 'home', section: 'main', order: 0, roles: ['manager', 'agent'] },
  },
  {
    path: 'account',
    roles: EVERYONE,
    component: page(() => import('./pages/account/AccountPage.tsx')),
    nav: { label: { he: 'החשבון שלי', en: 'My account' }, icon: 'user', section: 'account', order: 90 },
  },

  // ---- manager -----------------------------------------------------------------------------------
  {
    path: 'team',
    roles: MANAGERS,
    component: page(() => import('./pages/team/TeamPage.tsx')),
    nav: { label: { he: 'הצוות', en: 'Team' }, icon: 'users', section: 'manage', order: 10 },
  },
  // one agent's progress, weaknesses, focus skills and assignments (opened from the Team page)
  { path: 'team/:agentId', roles: MANAGERS, component: page(() => import('./pages/team/AgentPage.tsx')) },
  {
    path: 'usage',
    roles: MANAGERS,
    component: page(() => import('./pages/usage/UsagePage.tsx')),
    nav: { label: { he: 'מכסות ושימוש', en: 'Quotas & usage' }, icon: 'gauge', section: 'manage', order: 20 },
  },
  {
    path: 'questionnaire',
    roles: MANAGERS,
    component: page(() => import('./pages/questionnaire/QuestionnairePage.tsx')),
    nav: { label: { he: 'שאלון החברה', en: 'Company questionnaire' }, icon: 'clipboard', section: 'manage', order: 30 },
  },
  {
    path: 'billing',
    roles: MANAGERS,
    component: page(() => import('./pages/billing/BillingPage.tsx')),
    nav: { label: { he: 'רכישת מושבים', en: 'Buy seats' }, icon: 'card', section: 'manage', order: 40 },
  },
  {
    path: 'settings',
    roles: MANAGERS,
    component: page(() => import('./pages/settings/SettingsPage.tsx')),
    nav: { label: { he: 'הגדרות', en: 'Settings' }, icon: 'settings', section: 'manage', order: 50 },
  },

  // ---- platform staff (admin, super admin) -------------------------------------------------------
  {
    path: 'companies',
    roles: STAFF,
    component: page(() => import('./pages/admin/CompaniesPage.tsx')),
    nav: { label: { he: 'חברות', en: 'Companies' }, icon: 'building', section: 'platform', order: 10 },
  },
  { path: 'companies/:companyId', roles: STAFF, component: page(() => import('./pages/admin/CompanyDetailPage.tsx')) },
  {
    path: 'companies/:companyId/questionnaire',
    roles: STAFF,
    component: page(() => import('./pages/questionnaire/QuestionnairePage.tsx')),
  },
  {
    path: 'packages',
    roles: STAFF,
    component: page(() => import('./pages/admin/PackagesPage.tsx')),
    nav: { label: { he: 'חבילות והנחות', en: 'Packages & discounts' }, icon: 'tag', section: 'platform', order: 20 },
  },
  {
    path: 'orders',
    roles: STAFF,
    component: page(() => import('./pages/admin/OrdersPage.tsx')),
    nav: { label: { he: 'הזמנות', en: 'Orders' }, icon: 'receipt', section: 'platform', order: 30 },
  },
  {
    path: 'system',
    roles: STAFF,
    component: page(() => import('./pages/admin/SystemPage.tsx')),
    nav: { label: { he: 'סטטיסטיקת מערכת', en: 'System statistics' }, icon: 'chart', section: 'platform', order: 40 },
  },
  {
    path: 'staff',
    roles: ['super_admin'],
    component: page(() => import('./pages/admin/StaffPage.tsx')),
    nav: { label: { he: 'צוות המערכת', en: 'Platform staff' }, icon: 'shield', section: 'platform', order: 50 },
  },

  // ---- calls (upload, list, report) ---------------------------------------------------------------
  {
    path: 'calls',
    roles: EVERYONE,
    component: page(() => import('./pages/calls/CallsPage.tsx')),
    nav: { label: { he: 'שיחות', en: 'Calls' }, icon: 'phone', section: 'main', order: 10, roles: ['agent', 'manager'] },
  },
  { path: 'calls/new', roles: EVERYONE, component: page(() => import('./pages/calls/UploadPage.tsx')) },
  { path: 'calls/:callId', roles: EVERYONE, component: page(() => import('./pages/calls/CallReportPage.tsx')) },

  // ---- FEATURE SLOTS: append feature pages below (one entry each), e.g. ----------------------------
  // ---- scenarios and personas: the manager's ScenarioBuilder, the agent's "what to practise" ---------------
  {
    path: 'training',
    roles: ['agent'],
    component: page(() => import('./pages/scenarios/PractisePage.tsx')),
    nav: { label: { he: 'מה לתרגל', en: 'What to practise' }, icon: 'target', section: 'main', order: 15 },
  },
  {
    path: 'scenarios',
    roles: MANAGERS,
    component: page(() => import('./pages/scenarios/ScenariosPage.tsx')),
    nav: { label: { he: 'תרחישי אימון', en: 'Training scenarios' }, icon: 'target', section: 'manage', order: 5 },
  },
  { path: 'scenarios/new', roles: MANAGERS, component: page(() => import('./pages/scenarios/ScenarioBuilderPage.tsx')) },
  { path: 'scenarios/:scenarioId', roles: MANAGERS, component: page(() => import('./pages/scenarios/ScenarioBuilderPage.tsx')) },
  {
    path: 'practice',
    roles: ['agent', 'manager'],
    component: page(() => import('./pages/practice/PracticePage.tsx')),
    nav: { label: { he: 'תרגול שיחה', en: 'Practice' }, icon: 'mic', section: 'main', order: 20 },
  },
  { path: 'practice/:simulationId', roles: ['agent', 'manager'], component: page(() => import('./pages/practice/SimulationPage.tsx')) },
  { path: 'practice/:simulationId/report', roles: ['agent', 'manager'], component: page(() => import('./pages/coaching/ReportPage.tsx')) },
  {
    path: 'progress',
    roles: ['agent', 'manager'],
    component: page(() => import('./pages/coaching/ProgressPage.tsx')),
    nav: { label: { he: 'ההתקדמות שלי', en: 'My progress' }, icon: 'trending', section: 'main', order: 40 },
  },
  {
    path: 'team-practice',
    roles: MANAGERS,
    component: page(() => import('./pages/coaching/TeamPracticePage.tsx')),
    nav: { label: { he: 'תרגולי הצוות', en: 'Team practice' }, icon: 'chart', section: 'manage', order: 5 },
  },
  // ---- live observation (issue 17): calls in progress, listen in, whisper --------------------------
  {
    path: 'live',
    roles: MANAGERS,
    component: page(() => import('./pages/live/LivePage.tsx')),
    nav: { label: { he: 'שיחות בזמן אמת', en: 'Live calls' }, icon: 'headphones', section: 'manage', order: 6 },
  },
  { path: 'live/:simulationId', roles: MANAGERS, component: page(() => import('./pages/live/LiveCallPage.tsx')) },
  // Calls     { path: 'calls', roles: ['agent', 'manager'], component: page(() => import('./pages/calls/CallsPage.tsx')),
  //             nav: { label: { he: 'שיחות', en: 'Calls' }, icon: 'phone', section: 'main', order: 10 } },
  //           { path: 'calls/:callId', roles: ['agent', 'manager'], component: page(() => import('./pages/calls/CallReportPage.tsx')) },
  // Practice  { …'practice'…  icon: 'mic',      section: 'main', order: 20 }
  // Scenarios { …'scenarios'… icon: 'target',   section: 'main', order: 30 }
  // Progress  { …'progress'…  icon: 'trending', section: 'main', order: 40 }
  // Manager dashboards go in section 'manage' with order < 10 to sit above Team.
];

/** Cards on the home pages. Feature authors add theirs (e.g. "your next practice", "team trend"). */
export const homeCards: HomeCard[] = [
  { id: 'manager-quotas', roles: MANAGERS, order: 10, component: page(() => import('./pages/home/QuotaCard.tsx')) },
  { id: 'manager-team', roles: MANAGERS, order: 20, component: page(() => import('./pages/home/TeamSummaryCard.tsx')) },
  { id: 'manager-questionnaire', roles: MANAGERS, order: 30, component: page(() => import('./pages/home/QuestionnaireCard.tsx')) },
  { id: 'agent-next-practice', roles: ['agent'], order: 5, component: page(() => import('./pages/scenarios/NextPracticeCard.tsx')) },
  // dashboards (full width): the agent's weeks and open weaknesses; the team's trend and who needs attention
  { id: 'agent-dashboard', roles: ['agent'], order: 1, component: page(() => import('./pages/dashboard/AgentDashboardCard.tsx')) },
  { id: 'manager-team-trend', roles: MANAGERS, order: 1, component: page(() => import('./pages/dashboard/TeamTrendCard.tsx')) },
  { id: 'manager-attention', roles: MANAGERS, order: 2, component: page(() => import('./pages/dashboard/AttentionCard.tsx')) },
  // FEATURE SLOTS: agent cards (recent calls, next practice, progress) and manager cards (team trends) go here.
];
