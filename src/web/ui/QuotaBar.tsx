import type { ReactNode } from 'react';
import { useCommonT } from '../i18n/common.ts';
import type { QuotaLine } from '../types.ts';
import { formatNumber } from './format.ts';

/** One quota as a bar: brand colour below 80 %, yellow from 80 %, red when full (level comes from the server). */
export function QuotaBar({ label, line, action }: { label: ReactNode; line: QuotaLine; action?: ReactNode }) {
  const { t, lang } = useCommonT();
  const pct = line.limit > 0 ? Math.min(100, Math.round((line.used / line.limit) * 100)) : line.used > 0 ? 100 : 0;
  return (
    <div className="quota" data-level={line.level}>
      <div className="quota-head">
        <span className="quota-label">{label}</span>
        <span className="quota-figures">{t('quota.of', { used: formatNumber(line.used, lang), limit: formatNumber(line.limit, lang) })}</span>
      </div>
      <div
        className="quota-track"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={line.limit}
        aria-valuenow={Math.min(line.used, line.limit)}
        aria-valuetext={`${line.used} / ${line.limit}`}
        aria-label={typeof label === 'string' ? label : undefined}
      >
        <div className="quota-fill" style={{ inlineSize: `${pct}%` }} />
      </div>
      {line.level !== 'ok' && (
        <div className="row">
          <span className="quota-note">{line.level === 'full' ? t('quota.full') : t('quota.warning')}</span>
          {action}
        </div>
      )}
    </div>
  );
}
