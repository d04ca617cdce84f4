import type { Config } from '../config/index.ts';
import { AppError, newToken, sha256 } from '../core/index.ts';
import type { Repositories, UserRow } from '../db/index.ts';
import { hashPassword, verifyPassword, dummyHash } from './password.ts';
import type { Principal } from './roles.ts';

export const SESSION_COOKIE = 'sg_session';

export const toPrincipal = (u: UserRow, sessionId: string): Principal => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  companyId: u.companyId,
  teamId: u.teamId,
  locale: u.locale,
  gender: u.gender ?? null,
  sessionId,
});

/** Accounts: login with rate limiting, sessions stored in the database, logout, password changes. */
export function createAuthService(repos: Repositories, config: Config) {
  return {
    /** Verifies the password and opens a session; returns the cookie token (only its hash is stored). */
    async login(email: string, password: string, meta: { ip: string | null; userAgent: string | null }) {
      const key = email.trim().toLowerCase();
      const failures = await repos.loginAttempts.recentFailures(key, config.LOGIN_WINDOW_MINUTES);
      if (failures.count >= config.LOGIN_MAX_FAILURES) {
        const until = new Date((failures.oldest?.getTime() ?? Date.now()) + config.LOGIN_WINDOW_MINUTES * 60_000);
        const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
        throw new AppError('RATE_LIMITED', `Too many failed sign-in attempts. Try again in ${minutes} minute(s) or ask an admin to reset the password.`, {
          details: { retryAfterSec: minutes * 60 },
        });
      }
      const user = await repos.users.byEmail(key);
      const ok = user ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await dummyHash(), password), false);
      if (!user || !ok || !user.active) {
        await repos.loginAttempts.record(key, meta.ip, false);
        throw new AppError('INVALID_CREDENTIALS', 'The email or password is incorrect.');
      }
      await repos.loginAttempts.record(key, meta.ip, true);
      const token = newToken();
      const sessionId = sha256(token);
      const expiresAt = new Date(Date.now() + config.SESSION_TTL_HOURS * 3_600_000);
      await repos.sessions.create({ id: sessionId, userId: user.id, expiresAt, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 300) ?? null });
      return { token, expiresAt, principal: toPrincipal(user, sessionId) };
    },

    /** The principal behind a cookie token, or null when the session is missing, expired or the user inactive. */
    async authenticate(token: string | undefined): Promise<Principal | null> {
      if (!token || token.length > 200) return null;
      const id = sha256(token);
      const found = await repos.sessions.find(id);
      if (!found || !found.user.active) return null;
      if (Date.now() - found.session.lastSeenAt.getTime() > 60_000) await repos.sessions.touch(id);
      return toPrincipal(found.user, id);
    },

    async logout(sessionId: string) {
      await repos.sessions.delete(sessionId);
    },

    async changePassword(userId: string, current: string, next: string) {
      const user = await repos.users.byId(userId);
      if (!user || !(await verifyPassword(user.passwordHash, current))) {
        throw new AppError('INVALID_CREDENTIALS', 'The current password is incorrect.');
      }
      await repos.users.update(userId, { passwordHash: await hashPassword(next), mustChangePassword: false });
    },

    /** Admin reset: sets a new temporary password (generated when not given), ends the user's sessions. */
    async resetPassword(userId: string, password?: string): Promise<string> {
      const temp = password ?? newToken(9);
      const row = await repos.users.update(userId, { passwordHash: await hashPassword(temp), mustChangePassword: true });
      if (!row) throw new AppError('NOT_FOUND', 'User was not found.');
      await repos.sessions.deleteForUser(userId);
      return temp;
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
