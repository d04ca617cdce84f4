import { Link } from 'react-router-dom';
import { Badge, formatDate, formatDateTime } from '../../ui/index.ts';
import type { Assignment, Scenario } from './model.ts';
import { useScenariosT } from './strings.ts';
import './scenarios.css';

/** An assignment's practice calls: when, score, passed or not, and a link to the session (its report once there is one). */
export function AssignmentAttempts({ assignment: a }: { assignment: Assignment }) {
  const { t, lang } = useScenariosT();
  const rows = a.attempts ?? [];
  if (rows.length === 0) return <span className="muted small" data-testid="attempts-none">{t('attempts.none')}</span>;
  return (
    <ul className="attempts" data-testid="attempts">
      {rows.map((x) => (
        <li key={x.simulationId} className="small" data-testid="attempt" data-passed={x.passed === null ? '' : String(x.passed)}>
          <Link to={x.score !== null ? `/practice/${x.simulationId}/report` : `/practice/${x.simulationId}`} title={t('attempts.open')}>
            {formatDateTime(x.startedAt, lang)}
          </Link>{' '}
          {x.privateUntil ? (
            <span className="muted">{t('attempts.private', { date: formatDate(x.privateUntil, lang) })}</span>
          ) : x.status === 'active' || x.status === 'connecting' ? (
            <span className="muted">{t('attempts.running')}</span>
          ) : x.score === null ? (
            <span className="muted">{t('attempts.noScore')}</span>
          ) : (
            <>
              <bdi>{t('attempts.score', { score: x.score })}</bdi> <Badge tone={x.passed ? 'ok' : 'warn'}>{x.passed ? t('attempts.passed') : t('attempts.failed')}</Badge>
            </>
          )}
          {a.simulationId === x.simulationId && <span className="muted"> · {t('attempts.completedBy')}</span>}
        </li>
      ))}
    </ul>
  );
}

/** What a call must achieve to pass: the pass mark and every success criterion, shown before the call starts. */
export function PassCriteria({ scenario, passMark }: { scenario: { successCriteria: readonly Pick<Scenario['successCriteria'][number], 'id' | 'label'>[] }; passMark: number }) {
  const { t, lang } = useScenariosT();
  return (
    <div className="pass-criteria stack-sm" data-testid="pass-criteria">
      <h3>{t('criteria.title')}</h3>
      <p data-testid="pass-mark" data-mark={passMark}>
        <strong>{passMark > 0 ? t('criteria.passMark', { mark: passMark }) : t('criteria.passMarkAny')}</strong>
        {passMark > 0 && scenario.successCriteria.length > 0 && ` ${t('criteria.andAll')}`}
      </p>
      {passMark > 0 && (
        <ul className="criteria-list">
          {scenario.successCriteria.map((c) => (
            <li key={c.id} dir="auto">
              {c.label[lang]}
            </li>
          ))}
        </ul>
      )}
      <p className="muted small">{t('criteria.note')}</p>
    </div>
  );
}
