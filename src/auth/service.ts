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
  sessionId,
});

/** Accounts: login with rate limiting, sessions stored in the database, logout, password changes. */
export function createAuthService(repos: Repositories, config: Config) {
  const windowMs = config.LOGIN_WINDOW_MINUTES * 60_000;
  const wait = (untilMs: number, message: string) => {
    const sec = Math.max(1, Math.ceil((untilMs - Date.now()) / 1000));
    const minutes = Math.ceil(sec / 60);
    return new AppError('RATE_LIMITED', message.replace('{minutes}', String(minutes)), { details: { retryAfterSec: sec } });
  };
  async function throttle(email: string, client: string) {
    const spray = await repos.loginAttempts.clientFailures(client, config.LOGIN_WINDOW_MINUTES);
    if (spray.count >= config.LOGIN_CLIENT_MAX_FAILURES) {
      throw wait((spray.oldest?.getTime() ?? Date.now()) + windowMs, 'Too many failed sign-ins from this network. Try again in {minutes} minute(s).');
    }
    const pair = await repos.loginAttempts.pairFailures(email, client, config.LOGIN_WINDOW_MINUTES);
    if (pair.count >= config.LOGIN_MAX_FAILURES && pair.last) {
      const backoff = Math.min(windowMs, 60_000 * 2 ** (pair.count - config.LOGIN_MAX_FAILURES));
      const until = pair.last.getTime() + backoff;
      if (until > Date.now()) {
        throw wait(until, 'Too many failed sign-in attempts. Try again in {minutes} minute(s) or ask an admin to reset the password.');
      }
    }
  }

  return {
    /**
     * Verifies the password and opens a session; returns the cookie token (only its hash is stored).
     * Throttling never lets a stranger lock a user out: failures count per account *and client address* (after
     * LOGIN_MAX_FAILURES that client waits 1, 2, 4… minutes, at most the window), plus a budget of failures per
     * client across all accounts (password spraying). Another client with the right password always gets in.
     */
    async login(email: string, password: string, meta: { ip: string | null; userAgent: string | null }) {
      const key = email.trim().toLowerCase();
      const client = clientKey(meta.ip);
      await throttle(key, client);
      const user = await repos.users.byEmail(key);
      const ok = user ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await dummyHash(), password), false);
      if (!user || !ok || !user.active) {
        await repos.loginAttempts.record(key, client, false);
        throw new AppError('INVALID_CREDENTIALS', 'The email or password is incorrect.');
      }
      await repos.loginAttempts.record(key, client, true);
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

    /** Changes the password and ends every other session of the user (the one making the change stays signed in). */
    async changePassword(userId: string, current: string, next: string, keepSessionId: string) {
      const user = await repos.users.byId(userId);
      if (!user || !(await verifyPassword(user.passwordHash, current))) {
        throw new AppError('INVALID_CREDENTIALS', 'The current password is incorrect.');
      }
      await repos.users.update(userId, { passwordHash: await hashPassword(next), mustChangePassword: false });
      await repos.sessions.deleteOthers(userId, keepSessionId);
    },

    /** Admin reset: sets a new temporary password (generated when not given), ends the user's sessions, lifts sign-in throttling. */
    async resetPassword(userId: string, password?: string): Promise<string> {
      const temp = password ?? newToken(9);
      const row = await repos.users.update(userId, { passwordHash: await hashPassword(temp), mustChangePassword: true });
      if (!row) throw new AppError('NOT_FOUND', 'User was not found.');
      await repos.sessions.deleteForUser(userId);
      await repos.loginAttempts.clearFailures(row.email);
      return temp;
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;

/**
 * The client a sign-in is counted against: its address, IPv6 cut to the /64 a single subscriber gets (rotating
 * addresses inside it must not reset the budget). The address is Fastify's req.ip, i.e. X-Forwarded-For only from
 * a proxy TRUST_PROXY names.
 */
export function clientKey(ip: string | null): string {
  if (!ip) return 'unknown';
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (v4) return v4[1];
  if (!ip.includes(':')) return ip;
  const [head, tail = ''] = ip.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const full = ip.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
  return `${full.slice(0, 4).map((x) => x.toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
