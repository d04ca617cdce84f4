/** The manager's privacy note: the window, then how many practice calls it still hides (nothing said when none). */
type T = (key: 'team.privacyWindow' | 'team.privacyWindowOne' | 'team.privateOne' | 'team.privateMany', vars?: Record<string, unknown>) => string;

/** "Privacy window: 24 hours." + "One practice call is still private…" / "3 practice calls are still private…"; `t` is the coaching strings' t. */
export function privacyNote(t: T, hours: number, hidden: number): string {
  const window = hours === 1 ? t('team.privacyWindowOne') : t('team.privacyWindow', { h: hours });
  if (hidden <= 0) return window;
  return `${window} ${hidden === 1 ? t('team.privateOne') : t('team.privateMany', { n: hidden })}`;
}
