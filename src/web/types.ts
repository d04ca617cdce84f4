/** Shapes of the JSON the API returns (see src/http/routes). Types only: nothing here reaches the bundle from the server. */
import type { PublicUser, QuotaLine, Questionnaire, QuestionnaireVersion, Sector } from '../org/index.ts';

export type { QuotaLine, Questionnaire, QuestionnaireVersion, Sector };
export type User = PublicUser;
export type Role = User['role'];
export type Locale = User['locale'];

export interface Company {
  id: string;
  name: string;
  sector: string;
  seatLimit: number;
  seatsUsed: number;
  analysesPerMonth: number;
  simMinutesPerMonth: number;
  practicePrivacyHours: number;
  /** Managers may listen to calls in progress (off in effect while practicePrivacyHours > 0). */
  liveObservation?: boolean;
  isDemo: boolean;
  createdAt: string;
  /** The engine tier practice calls start from ('auto' = the best configured). */
  voiceEngine?: 'auto' | 'realtime' | 'cascade' | 'offline';
  /** Monthly AI budget in US cents (null = no money limit). */
  aiBudgetCentsPerMonth?: number | null;
}

/** The company's AI cost (US dollars): this month, per month, per practice minute, against the budget. */
export interface AiCost {
  currency: 'USD';
  current: AiCostMonth;
  months: AiCostMonth[];
  budgetUsd: number | null;
  budgetLeftUsd: number | null;
}
export interface AiCostMonth {
  month: string;
  calls: number;
  minutes: number;
  costUsd: number;
  costPerMinuteUsd: number | null;
}

export interface Quotas {
  period: string;
  seats: QuotaLine;
  analyses: QuotaLine;
  simMinutes: QuotaLine;
  perUser: { userId: string; name: string; analyses: QuotaLine | null; simMinutes: QuotaLine | null }[];
}

export interface Team {
  id: string;
  companyId: string;
  name: string;
  createdAt: string;
}

export type Currency = 'ILS' | 'USD' | 'EUR';

export interface SeatPackage {
  id: string;
  name: string;
  seats: number;
  priceCents: number;
  currency: Currency;
  active: boolean;
  createdAt: string;
}

export interface DiscountCode {
  id: string;
  code: string;
  kind: 'percent' | 'fixed';
  value: number;
  validFrom: string | null;
  validUntil: string | null;
  maxUses: number | null;
  uses: number;
  active: boolean;
  createdAt: string;
}

export interface Money {
  cents: number;
  display: string;
}

export interface Quote {
  package: SeatPackage;
  list: Money;
  discount: Money;
  total: Money;
}

export interface Order {
  id: string;
  companyId: string;
  packageId: string;
  discountCodeId: string | null;
  seats: number;
  listPriceCents: number;
  discountCents: number;
  totalCents: number;
  currency: Currency;
  status: 'pending' | 'paid' | 'cancelled';
  paymentMethod: string | null;
  paymentReference: string | null;
  createdBy: string | null;
  createdAt: string;
  paidAt: string | null;
  paidBy: string | null;
}

/** GET /api/me */
export interface Me {
  user: User;
  company: Company | null;
}

/** Metadata of a stored questionnaire version (GET …/questionnaire → history). */
export type QuestionnaireHistoryEntry = Omit<QuestionnaireVersion, 'data'>;
