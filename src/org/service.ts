import { AppError, newId } from '../core/index.ts';
import { hashPassword } from '../auth/index.ts';
import type { Repositories, UserRow, CompanyRow } from '../db/index.ts';
import { questionnaireSchema, type Questionnaire, type QuestionnaireVersion } from './questionnaire.ts';
import { parseOrThrow } from '../core/index.ts';

/** A user as the API returns it: never the password hash. */
export function publicUser(u: UserRow) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    companyId: u.companyId,
    teamId: u.teamId,
    locale: u.locale,
    gender: u.gender ?? null,
    active: u.active,
    mustChangePassword: u.mustChangePassword,
    analysesCap: u.analysesCap,
    simMinutesCap: u.simMinutesCap,
    createdAt: u.createdAt.toISOString(),
  };
}
export type PublicUser = ReturnType<typeof publicUser>;

export function publicCompany(c: CompanyRow) {
  return { ...c, createdAt: c.createdAt.toISOString() };
}

const isUniqueViolation = (e: unknown) => {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === '23505' || err?.cause?.code === '23505';
};

export interface NewMember {
  email: string;
  name: string;
  password: string;
  role: 'manager' | 'agent';
  teamId?: string | null;
}

/** Companies, their members and teams, and the versioned questionnaire. */
export function createOrgService(repos: Repositories) {
  async function addMember(companyId: string, m: NewMember): Promise<UserRow> {
    const company = await repos.companies.byId(companyId);
    if (!company) throw new AppError('NOT_FOUND', 'Company was not found.');
    if (await repos.users.byEmail(m.email)) throw new AppError('CONFLICT', `A user with the email ${m.email} already exists.`);
    if (m.teamId) {
      const team = await repos.teams.byId(m.teamId);
      if (!team || team.companyId !== companyId) throw new AppError('VALIDATION_FAILED', 'The team does not belong to this company.');
    }
    let row: UserRow | undefined;
    try {
      row = await repos.users.insertWithSeat({
        id: newId(),
        companyId,
        teamId: m.teamId ?? null,
        email: m.email,
        name: m.name,
        role: m.role,
        passwordHash: await hashPassword(m.password),
        locale: 'he',
        active: true,
        mustChangePassword: false,
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('CONFLICT', `A user with the email ${m.email} already exists.`);
      throw e;
    }
    if (!row) {
      throw new AppError(
        'SEAT_QUOTA_EXCEEDED',
        `All ${company.seatLimit} seats of ${company.name} are taken. Buy a seat package (Billing → Add seats) or deactivate a user to free a seat.`,
        { details: { seatLimit: company.seatLimit, seatsUsed: company.seatsUsed, howToAddSeats: '/billing' } },
      );
    }
    return row;
  }

  return {
    addMember,

    async createCompany(input: {
      name: string;
      sector?: string;
      seatLimit?: number;
      analysesPerMonth?: number;
      simMinutesPerMonth?: number;
      isDemo?: boolean;
      manager?: { email: string; name: string; password: string };
    }) {
      const company = await repos.companies.insert({
        id: newId(),
        name: input.name,
        sector: input.sector ?? 'other',
        seatLimit: input.seatLimit ?? 5,
        seatsUsed: 0,
        analysesPerMonth: input.analysesPerMonth ?? 50,
        simMinutesPerMonth: input.simMinutesPerMonth ?? 300,
        practicePrivacyHours: 0,
        isDemo: input.isDemo ?? false,
      });
      let manager: UserRow | undefined;
      if (input.manager) {
        try {
          manager = await addMember(company.id, { ...input.manager, role: 'manager' });
        } catch (e) {
          await repos.companies.delete(company.id);
          throw e;
        }
      }
      return { company, manager };
    },

    async createStaff(input: { email: string; name: string; password: string; role: 'admin' | 'super_admin' }) {
      if (await repos.users.byEmail(input.email)) throw new AppError('CONFLICT', `A user with the email ${input.email} already exists.`);
      return repos.users.insert({
        id: newId(),
        companyId: null,
        email: input.email,
        name: input.name,
        role: input.role,
        passwordHash: await hashPassword(input.password),
        locale: 'he',
        active: true,
        mustChangePassword: false,
      });
    },

    async saveQuestionnaire(companyId: string, input: unknown, by: string | null): Promise<QuestionnaireVersion> {
      const data = parseOrThrow(questionnaireSchema, input, 'questionnaire');
      for (let attempt = 0; ; attempt++) {
        try {
          const row = await repos.questionnaires.append(newId(), companyId, data, by);
          return toVersion(row);
        } catch (e) {
          if (isUniqueViolation(e) && attempt < 3) continue; // a concurrent edit took this version number
          throw e;
        }
      }
    },

    async questionnaire(companyId: string, version?: number): Promise<QuestionnaireVersion | null> {
      const row = version ? await repos.questionnaires.byVersion(companyId, version) : await repos.questionnaires.latest(companyId);
      return row ? toVersion(row) : null;
    },
  };
}

function toVersion(row: { id: string; companyId: string; version: number; data: unknown; createdAt: Date; createdBy: string | null }): QuestionnaireVersion {
  return {
    id: row.id,
    companyId: row.companyId,
    version: row.version,
    data: row.data as Questionnaire,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
  };
}
export type OrgService = ReturnType<typeof createOrgService>;
