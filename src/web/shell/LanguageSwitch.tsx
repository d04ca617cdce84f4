import { useAuth } from '../auth.tsx';
import { useCommonT } from '../i18n/common.ts';
import { LANGUAGES, type Lang } from '../i18n/index.ts';
import { Segmented } from '../ui/index.ts';

/** עברית | English. Saved on the account when signed in, in the browser always. */
export function LanguageSwitch() {
  const { t, lang } = useCommonT();
  const { setLanguage } = useAuth();
  return (
    <Segmented<Lang>
      className="lang-switch"
      label={t('lang.label')}
      value={lang}
      onChange={(l) => void setLanguage(l).catch(() => undefined)}
      options={LANGUAGES.map((l) => ({ value: l, label: t(`lang.${l}`), lang: l }))}
    />
  );
}
