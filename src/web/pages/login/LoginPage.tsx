import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useAuth } from '../../auth.tsx';
import { useFieldErrors } from '../../i18n/errors.ts';
import { LanguageSwitch } from '../../shell/LanguageSwitch.tsx';
import { Button, ErrorAlert, Field, useAction } from '../../ui/index.ts';
import { useLoginT } from './strings.ts';

/** Email + password sign-in. After success the app re-renders on the URL the person asked for. */
export default function LoginPage() {
  const { t } = useLoginT();
  const { login } = useAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const emailRef = useRef<HTMLInputElement>(null);
  const action = useAction((e: string, p: string) => login(e, p).then(() => true));
  const fieldError = useFieldErrors(action.error);

  useEffect(() => {
    document.title = t('title');
    emailRef.current?.focus();
  }, [t]);

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    void action.run(email.trim(), password);
  };

  return (
    <div className="auth-page">
      <section className="auth-hero" aria-hidden="false">
        <div className="brand" style={{ padding: 0 }}>
          <span className="brand-mark" aria-hidden="true">
            S
          </span>
          SalesGym
        </div>
        <div>
          <h1>{t('heroTitle')}</h1>
          <p>{t('heroText')}</p>
          <ul>
            <li>{t('point1')}</li>
            <li>{t('point2')}</li>
            <li>{t('point3')}</li>
          </ul>
        </div>
        <span />
      </section>
      <main className="auth-panel">
        <div className="auth-card">
          <div className="top">
            <LanguageSwitch />
          </div>
          <h2 style={{ fontSize: 'var(--fs-2xl)' }}>{t('title')}</h2>
          <p className="muted" style={{ marginBlock: 'var(--s-2) var(--s-5)' }}>
            {t('subtitle')}
          </p>
          <form className="stack" onSubmit={submit} noValidate aria-label={t('title')}>
            <ErrorAlert error={action.error} />
            <Field label={t('email')} error={fieldError('email')}>
              <input
                ref={emailRef}
                className="input"
                type="email"
                name="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            </Field>
            <Field label={t('password')} error={fieldError('password')}>
              <input
                className="input"
                type="password"
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </Field>
            <Button type="submit" variant="primary" block busy={action.pending}>
              {t('submit')}
            </Button>
          </form>
        </div>
      </main>
    </div>
  );
}
