import { useState } from 'react';
import { api } from '../../api.ts';
import { Button, Card, ErrorAlert, Field, useAction } from '../../ui/index.ts';
import type { User } from '../../types.ts';
import type { PersonaPreview, ScenarioDraft } from './model.ts';
import { PersonaCard } from './PersonaCard.tsx';
import { useScenariosT } from './strings.ts';

/** Generates the customer the current draft would produce for a chosen agent; "another customer" changes the seed. */
export function PreviewPanel({ companyId, draft, agents }: { companyId: string; draft: ScenarioDraft; agents: User[] }) {
  const { t } = useScenariosT();
  const [agentId, setAgentId] = useState(agents[0]?.id ?? '');
  const [seed, setSeed] = useState<number | null>(null);
  const [preview, setPreview] = useState<PersonaPreview | null>(null);
  const run = useAction((body: unknown) => api.post<{ preview: PersonaPreview }>(`/api/companies/${companyId}/persona-preview`, body));

  const show = async (nextSeed: number | null) => {
    const r = await run.run({ draft, agentUserId: agentId || undefined, seed: nextSeed ?? undefined });
    if (r) {
      setPreview(r.preview);
      setSeed(r.preview.seed);
    }
  };

  return (
    <Card title={t('preview.title')} className="builder-aside">
      <div className="stack">
        <div className="form-grid">
          <Field label={t('preview.forAgent')}>
            <select className="select" name="previewAgent" value={agentId} onChange={(e) => setAgentId(e.target.value)}>
              <option value="">{t('preview.noAgent')}</option>
              {agents.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('preview.seed')} optional>
            <input className="input" type="number" name="seed" min={0} value={seed ?? ''} onChange={(e) => setSeed(e.target.value === '' ? null : Number(e.target.value))} />
          </Field>
        </div>
        <div className="row">
          <Button variant="primary" busy={run.pending} onClick={() => void show(seed)} data-testid="preview-run">
            {t('preview.run')}
          </Button>
          {preview && (
            <Button busy={run.pending} onClick={() => void show(((seed ?? 0) + 1) % 1_000_000)}>
              {t('preview.another')}
            </Button>
          )}
        </div>
        <ErrorAlert error={run.error} />
        {preview && (
          <>
            <p className="muted small">{t('preview.hint', { version: t('list.versionN', { version: preview.questionnaireVersion }) })}</p>
            <PersonaCard persona={preview.persona} reveal="full" />
            <details>
              <summary>{t('preview.instructions')}</summary>
              <pre className="instructions-box" dir="auto" data-testid="preview-instructions">
                {preview.instructions}
              </pre>
            </details>
          </>
        )}
      </div>
    </Card>
  );
}
