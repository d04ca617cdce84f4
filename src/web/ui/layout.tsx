/** Page and card structure. */
import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useCommonT } from '../i18n/common.ts';

/** The page's title (also the document title), subtitle and actions. */
export function PageHeader({ title, subtitle, actions, back }: { title: string; subtitle?: ReactNode; actions?: ReactNode; back?: { to: string; label: string } }) {
  const { t } = useCommonT();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <header className="page-header">
      <div>
        {back && (
          <Link className="back-link" to={back.to}>
            {back.label}
          </Link>
        )}
        <h1>{title}</h1>
        {subtitle && <p className="subtitle">{subtitle}</p>}
      </div>
      {actions && <div className="actions">{actions}</div>}
    </header>
  );
}

export function Card({ title, actions, children, tight, className, id }: { title?: ReactNode; actions?: ReactNode; children: ReactNode; tight?: boolean; className?: string; id?: string }) {
  return (
    <section className={['card', tight && 'card-tight', className].filter(Boolean).join(' ')} id={id} aria-label={typeof title === 'string' ? title : undefined}>
      {(title || actions) && (
        <div className="card-header">
          {title && <h2>{title}</h2>}
          {actions && <div className="row" style={{ marginInlineStart: 'auto' }}>{actions}</div>}
        </div>
      )}
      {children}
    </section>
  );
}

export function Stat({ label, value }: { label: ReactNode; value: ReactNode }) {
  return (
    <div className="card stat">
      <span className="stat-label">{label}</span>
      <span className="stat-value">{value}</span>
    </div>
  );
}
