import { Link } from 'react-router-dom';
import { useMe } from '../../auth.tsx';
import { Async, Card, formatDate, useQuery } from '../../ui/index.ts';
import type { QuestionnaireHistoryEntry, QuestionnaireVersion } from '../../types.ts';
import { useHomeT } from './strings.ts';

/** Manager home: which questionnaire version scenarios use, and what it holds. */
export default function QuestionnaireCard() {
  const { t, lang } = useHomeT();
  const { company } = useMe();
  const q = useQuery<{ questionnaire: QuestionnaireVersion | null; history: QuestionnaireHistoryEntry[] }>(
    company ? `/api/companies/${company.id}/questionnaire` : null,
  );
  return (
    <Card title={t('questionnaireTitle')}>
      <Async query={q}>
        {({ questionnaire }) =>
          questionnaire ? (
            <div className="stack">
              <p className="muted small">{t('questionnaireVersion', { version: questionnaire.version, date: formatDate(questionnaire.createdAt, lang) })}</p>
              <p style={{ fontWeight: 600 }}>{questionnaire.data.differentiator}</p>
              <div className="grid-3" style={{ gridTemplateColumns: 'repeat(3, minmax(0, 1fr))' }}>
                <Small label={t('benefits')} value={questionnaire.data.benefits.length} />
                <Small label={t('objections')} value={questionnaire.data.objectionBank.length} />
                <Small label={t('competitors')} value={questionnaire.data.competitors.length} />
              </div>
              <Link to="/questionnaire" className="small">
                {t('questionnaireEdit')}
              </Link>
            </div>
          ) : (
            <div className="stack">
              <p>{t('questionnaireMissing')}</p>
              <Link to="/questionnaire" className="btn btn-primary btn-sm" style={{ alignSelf: 'flex-start' }}>
                {t('questionnaireFill')}
              </Link>
            </div>
          )
        }
      </Async>
    </Card>
  );
}

function Small({ label, value }: { label: string; value: number }) {
  return (
    <div className="stat">
      <span className="stat-value" style={{ fontSize: 'var(--fs-xl)' }}>{value}</span>
      <span className="stat-label">{label}</span>
    </div>
  );
}
