/** On a finished session's page: its score and outcome at a glance, with the way into the full report. */
import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import { isApiError } from '../../api.ts';
import { Badge, Card, useQuery } from '../../ui/index.ts';
import { useCoachingT } from './strings.ts';
import type { ReportResponse } from './types.ts';

export function ReportLinkCard({ simulationId }: { simulationId: string }) {
  const { t } = useCoachingT();
  const q = useQuery<ReportResponse>(`/api/simulations/${simulationId}/report`);
  // a call that has just ended: its report is built in a moment, so ask again until it is there
  const pending = isApiError(q.error) && q.error.code === 'REPORT_PENDING';
  const waiting = useRef(false); // still "preparing" while the next ask is on its way
  if (!q.loading) waiting.current = pending;
  const preparing = pending || (q.loading && waiting.current);
  useEffect(() => {
    if (!pending) return;
    const timer = window.setTimeout(() => void q.reload(), 1000);
    return () => window.clearTimeout(timer);
  }, [pending, q.error, q.reload]);
  return (
    <Card title={t('report.title')}>
      {q.data ? (
        <div className="stack-sm" data-testid="report-link">
          <p>
            {q.data.overallScore === null ? <strong className="score-inline" data-score="none">{t('report.noScore')}</strong> : <><strong className="score-inline">{Math.round(q.data.overallScore)}</strong> / 100</>} ·{' '}
            <Badge tone={q.data.outcome === 'converted' || q.data.outcome === 'next_step' ? 'ok' : 'danger'}>{t(`outcomes.${q.data.outcome}`)}</Badge>
          </p>
          <Link className="btn btn-primary btn-sm" to={`/practice/${simulationId}/report`}>{t('progress.open')}</Link>
        </div>
      ) : (
        <p className="muted small" data-testid={preparing ? 'report-preparing' : undefined}>{preparing ? t('report.preparing') : q.loading ? '…' : t('report.noReport')}</p>
      )}
    </Card>
  );
}
