/** Loading, error, empty and status feedback. */
import type { ReactNode } from 'react';
import { useCommonT } from '../i18n/common.ts';
import { useErrorText } from '../i18n/errors.ts';
import { Button } from './controls.tsx';
import { Icon } from './icons.tsx';
import type { Query } from './hooks.ts';

type Tone = 'error' | 'warning' | 'success' | 'info';

export function Alert({ tone, title, children, actions }: { tone: Tone; title?: ReactNode; children?: ReactNode; actions?: ReactNode }) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' || tone === 'warning' ? 'alert' : 'status'}>
      <Icon name={tone === 'success' ? 'check' : 'alert'} />
      <div className="alert-body">
        {title && <strong>{title}</strong>}
        {children}
        {actions && <div className="alert-actions">{actions}</div>}
      </div>
    </div>
  );
}

/** The error of a request as a sentence, with an optional retry and extra actions. */
export function ErrorAlert({ error, onRetry, actions }: { error: unknown; onRetry?: () => void; actions?: ReactNode }) {
  const { t } = useCommonT();
  const text = useErrorText();
  if (!error) return null;
  return (
    <Alert
      tone="error"
      actions={
        onRetry || actions ? (
          <>
            {onRetry && (
              <Button size="sm" onClick={onRetry}>
                {t('actions.retry')}
              </Button>
            )}
            {actions}
          </>
        ) : undefined
      }
    >
      {text(error)}
    </Alert>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useCommonT();
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('state.loading')}
    </div>
  );
}

export function EmptyState({ title, children, action }: { title: ReactNode; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty-title">{title}</p>
      {children && <p>{children}</p>}
      {action && <div className="empty-action">{action}</div>}
    </div>
  );
}

export function Badge({ tone, children }: { tone?: 'brand' | 'ok' | 'warn' | 'danger'; children: ReactNode }) {
  return <span className={tone ? `badge badge-${tone}` : 'badge'}>{children}</span>;
}

/** Renders a query: a spinner the first time, an error with retry, or the children with the data. */
export function Async<T>({ query, children }: { query: Query<T>; children: (data: T) => ReactNode }) {
  if (query.data === undefined && query.loading) return <Loading />;
  if (query.data === undefined) return <ErrorAlert error={query.error} onRetry={() => void query.reload()} />;
  return (
    <>
      {query.error ? <ErrorAlert error={query.error} onRetry={() => void query.reload()} /> : null}
      {children(query.data)}
    </>
  );
}
