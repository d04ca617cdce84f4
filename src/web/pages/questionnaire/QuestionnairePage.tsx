import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { api } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { useFieldErrors } from '../../i18n/errors.ts';
import { Alert, Badge, Button, Card, ErrorAlert, Loading, PageHeader, formatDateTime, useAction, useQuery } from '../../ui/index.ts';
import type { Company, QuestionnaireHistoryEntry, QuestionnaireVersion } from '../../types.ts';
import { emptyForm, toBody, toForm, type FormState } from './model.ts';
import { QuestionnaireForm } from './QuestionnaireForm.tsx';
import { useQuestionnaireT } from './strings.ts';

interface Loaded {
  questionnaire: QuestionnaireVersion | null;
  history: QuestionnaireHistoryEntry[];
}

/**
 * The versioned company questionnaire. Managers edit their own company's (/questionnaire); staff open
 * any company's (/companies/:companyId/questionnaire). Older versions can be loaded and saved again.
 */
export default function QuestionnairePage() {
  const { t, lang } = useQuestionnaireT();
  const me = useMe();
  const params = useParams();
  const companyId = params.companyId ?? me.company?.id ?? null;
  const readOnly = me.user.role === 'agent';
  const base = companyId ? `/api/companies/${companyId}/questionnaire` : null;
  const latest = useQuery<Loaded>(base);
  const company = useQuery<{ company: Company }>(params.companyId ? `/api/companies/${params.companyId}` : null);
  const [form, setForm] = useState<FormState | null>(null);
  const [viewing, setViewing] = useState<QuestionnaireVersion | null>(null);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const save = useAction((body: Record<string, unknown>) => api.put<{ questionnaire: QuestionnaireVersion }>(base!, body));
  const load = useAction((version: number) => api.get<Loaded>(`${base}?version=${version}`));
  const fieldError = useFieldErrors(save.error);

  const companyName = company.data?.company.name ?? me.company?.name ?? '';
  useEffect(() => {
    if (latest.data && form === null) setForm(latest.data.questionnaire ? toForm(latest.data.questionnaire.data) : emptyForm(companyName));
  }, [latest.data, form, companyName]);

  const submit = async () => {
    if (!form) return;
    setSavedVersion(null);
    const r = await save.run(toBody(form));
    if (r) {
      setSavedVersion(r.questionnaire.version);
      setViewing(null);
      setForm(toForm(r.questionnaire.data));
      await latest.reload();
    }
  };
  // After a refused save, take the keyboard to the first field the server complained about.
  useEffect(() => {
    if (save.error) requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }, [save.error]);
  const view = async (version: number) => {
    const r = await load.run(version);
    if (r?.questionnaire) {
      setViewing(r.questionnaire);
      setForm(toForm(r.questionnaire.data));
      save.reset();
      setSavedVersion(null);
      window.scrollTo({ top: 0 });
    }
  };
  const backToLatest = () => {
    setViewing(null);
    setForm(latest.data?.questionnaire ? toForm(latest.data.questionnaire.data) : emptyForm(companyName));
    save.reset();
  };

  const header = (
    <PageHeader
      title={t('title')}
      subtitle={params.companyId ? t('subtitleFor', { company: companyName }) : t('subtitle')}
      back={params.companyId ? { to: `/companies/${params.companyId}`, label: t('backToCompany') } : undefined}
    />
  );
  if (!latest.data) return <>{header}{latest.error ? <ErrorAlert error={latest.error} onRetry={() => void latest.reload()} /> : <Loading />}</>;
  const history = latest.data.history;
  const current = latest.data.questionnaire?.version;

  return (
    <>
      {header}
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(220px, 280px)', gap: 'var(--s-5)', alignItems: 'start' }} className="q-layout">
        {form ? (
          <QuestionnaireForm
            value={form}
            onChange={setForm}
            fieldError={fieldError}
            onSubmit={() => void submit()}
            saving={save.pending}
            readOnly={readOnly}
            top={
              <>
                {readOnly && <Alert tone="info">{t('readOnly')}</Alert>}
                {savedVersion !== null && <Alert tone="success">{t('saved', { version: savedVersion })}</Alert>}
                {viewing && (
                  <Alert tone="info" actions={<Button size="sm" onClick={backToLatest}>{t('backToLatest')}</Button>}>
                    {t('viewing', { version: viewing.version, date: formatDateTime(viewing.createdAt, lang) })}
                  </Alert>
                )}
                <ErrorAlert error={save.error} />
              </>
            }
          />
        ) : (
          <Loading />
        )}
        <Card title={t('history')} className="q-history">
          <ErrorAlert error={load.error} />
          {history.length === 0 ? (
            <p className="muted small">{t('historyEmpty')}</p>
          ) : (
            <ul className="timeline" data-testid="questionnaire-history">
              {history.map((h) => (
                <li key={h.id}>
                  <div className="grow">
                    <div style={{ fontWeight: 600 }}>
                      {t('version', { version: h.version })} {h.version === current && <Badge tone="brand">{t('current')}</Badge>}
                    </div>
                    <div className="muted small">{formatDateTime(h.createdAt, lang)}</div>
                  </div>
                  {h.version !== (viewing?.version ?? current) && (
                    <Button size="sm" variant="ghost" onClick={() => void view(h.version)}>
                      {t('view')}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
