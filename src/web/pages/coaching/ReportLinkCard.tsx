/** On a finished session's page: its score and outcome at a glance, with the way into the full report. */
import { Link } from 'react-router-dom';
import { Badge, Card, useQuery } from '../../ui/index.ts';
import { useCoachingT } from './strings.ts';
import type { ReportResponse } from './types.ts';

export function ReportLinkCard({ simulationId }: { simulationId: string }) {
  const { t } = useCoachingT();
  const q = useQuery<ReportResponse>(`/api/simulations/${simulationId}/report`);
  return (
    <Card title={t('report.title')}>
      {q.data ? (
        <div className="stack-sm" data-testid="report-link">
          <p>
            <strong className="score-inline">{Math.round(q.data.overallScore)}</strong> / 100 ·{' '}
            <Badge tone={q.data.outcome === 'converted' || q.data.outcome === 'next_step' ? 'ok' : 'danger'}>{t(`outcomes.${q.data.outcome}`)}</Badge>
          </p>
          <Link className="btn btn-primary btn-sm" to={`/practice/${simulationId}/report`}>{t('progress.open')}</Link>
        </div>
      ) : (
        <p className="muted small">{q.loading ? '…' : t('report.noReport')}</p>
      )}
    </Card>
  );
}
