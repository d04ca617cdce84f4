import { useId, type FormEvent, type ReactNode } from 'react';
import { Button, Field, textDir } from '../../ui/index.ts';
import { AUDIENCES, CURRENCIES, OBJECTION_KINDS, SECTORS, type FormState } from './model.ts';
import { ListEditor } from './ListEditor.tsx';
import { useQuestionnaireT } from './strings.ts';

/** One input of a list row: labelled for screen readers by its row name, with its own error under it. */
function RowInput({ label, value, onChange, error, autoFocus }: { label: string; value: string; onChange(v: string): void; error?: string; autoFocus?: boolean }) {
  const id = useId();
  return (
    <div className="field">
      <input
        className="input"
        dir={textDir(value)}
        aria-label={label}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-e` : undefined}
        autoFocus={autoFocus}
      />
      {error && (
        <span className="field-error" id={`${id}-e`}>
          {error}
        </span>
      )}
    </div>
  );
}

/**
 * Every field of the company questionnaire (src/org/questionnaire.ts). `fieldError(path)` gives the server's
 * message for a path such as `benefits.1` or `objectionBank.0.kind`.
 */
export function QuestionnaireForm({
  value,
  onChange,
  fieldError,
  onSubmit,
  saving,
  readOnly,
  top,
}: {
  value: FormState;
  onChange(next: FormState): void;
  fieldError(path: string): string | undefined;
  onSubmit(): void;
  saving: boolean;
  readOnly: boolean;
  top?: ReactNode;
}) {
  const { t } = useQuestionnaireT();
  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => onChange({ ...value, [k]: v });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!readOnly) onSubmit();
  };

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={t('title')}>
      {top}
      <fieldset className="group" disabled={readOnly}>
        <legend>{t('required')}</legend>
        <div className="stack">
          <div className="form-grid">
            <Field label={t('companyName')} error={fieldError('companyName')}>
              <input className="input" name="companyName" value={value.companyName} onChange={(e) => set('companyName', e.target.value)} />
            </Field>
            <Field label={t('sector')} error={fieldError('sector')}>
              <select className="select" name="sector" value={value.sector} onChange={(e) => set('sector', e.target.value as FormState['sector'])}>
                <option value="" disabled>
                  —
                </option>
                {SECTORS.map((s) => (
                  <option key={s} value={s}>
                    {t(`sectors.${s}`)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <Field label={t('productDetails')} hint={t('productDetailsHint')} error={fieldError('productDetails')}>
            <textarea className="textarea" name="productDetails" value={value.productDetails} onChange={(e) => set('productDetails', e.target.value)} />
          </Field>
          <div className="form-grid">
            <Field label={t('averageDealSize')} error={fieldError('averageDealSize')}>
              <input
                className="input"
                type="number"
                min={0}
                step="any"
                inputMode="decimal"
                name="averageDealSize"
                value={value.averageDealSize}
                onChange={(e) => set('averageDealSize', e.target.value)}
              />
            </Field>
            <Field label={t('currency')} error={fieldError('currency')}>
              <select className="select" name="currency" value={value.currency} onChange={(e) => set('currency', e.target.value as FormState['currency'])}>
                {CURRENCIES.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <RadioGroup
            legend={t('audience')}
            name="audience"
            value={value.audience}
            options={AUDIENCES.map((a) => ({ value: a, label: t(`audiences.${a}`) }))}
            onChange={(v) => set('audience', v as FormState['audience'])}
            error={fieldError('audience')}
          />
          <Field label={t('differentiator')} hint={t('differentiatorHint')} error={fieldError('differentiator')}>
            <textarea className="textarea" style={{ minBlockSize: 70 }} name="differentiator" value={value.differentiator} onChange={(e) => set('differentiator', e.target.value)} />
          </Field>
          <fieldset className="group">
            <legend>{t('benefits')}</legend>
            <div className="stack-sm">
              {value.benefits.map((b, i) => (
                <Field key={i} label={t('benefit', { n: i + 1 })} error={fieldError(`benefits.${i}`)}>
                  <input
                    className="input"
                    name={`benefit${i + 1}`}
                    value={b}
                    onChange={(e) => set('benefits', value.benefits.map((x, j) => (j === i ? e.target.value : x)) as FormState['benefits'])}
                  />
                </Field>
              ))}
              {fieldError('benefits') && <span className="field-error">{fieldError('benefits')}</span>}
            </div>
          </fieldset>
          <ListEditor
            legend={t('productTypes')}
            items={value.productTypes}
            onChange={(v) => set('productTypes', v)}
            newItem={() => ''}
            addLabel={t('addProductType')}
            itemName={(i) => `${t('productType')} ${i + 1}`}
            error={fieldError('productTypes')}
            max={30}
            renderItem={(item, i, update, autoFocus) => (
              <RowInput label={`${t('productType')} ${i + 1}`} value={item} onChange={update} error={fieldError(`productTypes.${i}`)} autoFocus={autoFocus} />
            )}
          />
        </div>
      </fieldset>

      <fieldset className="group" disabled={readOnly}>
        <legend>{t('optional')}</legend>
        <div className="stack">
          <p className="muted small">{t('optionalHint')}</p>
          <ListEditor
            legend={t('competitors')}
            items={value.competitors}
            onChange={(v) => set('competitors', v)}
            newItem={() => ({ name: '', notes: '' })}
            addLabel={t('addCompetitor')}
            itemName={(i) => `${t('competitorName')} ${i + 1}`}
            emptyText={t('empty')}
            error={fieldError('competitors')}
            max={30}
            renderItem={(c, i, update, autoFocus) => (
              <div className="sub-card form-grid">
                <Field label={t('competitorName')} error={fieldError(`competitors.${i}.name`)}>
                  <input className="input" value={c.name} onChange={(e) => update({ ...c, name: e.target.value })} autoFocus={autoFocus} />
                </Field>
                <Field label={t('competitorNotes')} optional error={fieldError(`competitors.${i}.notes`)}>
                  <input className="input" value={c.notes} onChange={(e) => update({ ...c, notes: e.target.value })} />
                </Field>
              </div>
            )}
          />
          <ListEditor
            legend={t('objectionBank')}
            items={value.objectionBank}
            onChange={(v) => set('objectionBank', v)}
            newItem={() => ({ kind: '' as const, text: '', answer: '' })}
            addLabel={t('addObjection')}
            itemName={(i) => `${t('objectionText')} ${i + 1}`}
            emptyText={t('empty')}
            error={fieldError('objectionBank')}
            max={200}
            renderItem={(o, i, update, autoFocus) => (
              <div className="sub-card stack-sm">
                <Field label={t('objectionKind')} error={fieldError(`objectionBank.${i}.kind`)} className="narrow">
                  <select className="select" value={o.kind} onChange={(e) => update({ ...o, kind: e.target.value as typeof o.kind })} autoFocus={autoFocus}>
                    <option value="" disabled>
                      —
                    </option>
                    {OBJECTION_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`kinds.${k}`)}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field label={t('objectionText')} error={fieldError(`objectionBank.${i}.text`)}>
                  <input className="input" value={o.text} onChange={(e) => update({ ...o, text: e.target.value })} />
                </Field>
                <Field label={t('objectionAnswer')} optional error={fieldError(`objectionBank.${i}.answer`)}>
                  <textarea className="textarea" style={{ minBlockSize: 60 }} value={o.answer} onChange={(e) => update({ ...o, answer: e.target.value })} />
                </Field>
              </div>
            )}
          />
          <ListEditor
            legend={t('customerPains')}
            items={value.customerPains}
            onChange={(v) => set('customerPains', v)}
            newItem={() => ''}
            addLabel={t('addPain')}
            itemName={(i) => `${t('customerPain')} ${i + 1}`}
            emptyText={t('empty')}
            error={fieldError('customerPains')}
            max={50}
            renderItem={(item, i, update, autoFocus) => (
              <RowInput label={`${t('customerPain')} ${i + 1}`} value={item} onChange={update} error={fieldError(`customerPains.${i}`)} autoFocus={autoFocus} />
            )}
          />
          <ListEditor
            legend={t('decisionMakers')}
            items={value.decisionMakers}
            onChange={(v) => set('decisionMakers', v)}
            newItem={() => ''}
            addLabel={t('addDecisionMaker')}
            itemName={(i) => `${t('decisionMaker')} ${i + 1}`}
            emptyText={t('empty')}
            error={fieldError('decisionMakers')}
            max={20}
            renderItem={(item, i, update, autoFocus) => (
              <RowInput label={`${t('decisionMaker')} ${i + 1}`} value={item} onChange={update} error={fieldError(`decisionMakers.${i}`)} autoFocus={autoFocus} />
            )}
          />
          <Field label={t('salesScripts')} optional error={fieldError('salesScripts')}>
            <textarea className="textarea" style={{ minBlockSize: 140 }} name="salesScripts" value={value.salesScripts} onChange={(e) => set('salesScripts', e.target.value)} />
          </Field>
          <Field label={t('playbook')} optional error={fieldError('playbook')}>
            <textarea className="textarea" style={{ minBlockSize: 140 }} name="playbook" value={value.playbook} onChange={(e) => set('playbook', e.target.value)} />
          </Field>
          <RadioGroup
            legend={t('language')}
            name="language"
            value={value.language}
            options={(['he', 'en'] as const).map((l) => ({ value: l, label: t(`languages.${l}`) }))}
            onChange={(v) => set('language', v as FormState['language'])}
            error={fieldError('language')}
          />
        </div>
      </fieldset>
      {!readOnly && (
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={saving}>
            {t('save')}
          </Button>
        </div>
      )}
    </form>
  );
}

function RadioGroup({
  legend,
  name,
  value,
  options,
  onChange,
  error,
}: {
  legend: string;
  name: string;
  value: string;
  options: { value: string; label: string }[];
  onChange(v: string): void;
  error?: string;
}) {
  return (
    <fieldset className="field" style={{ border: 'none', padding: 0, margin: 0 }}>
      <legend className="field-label" style={{ marginBlockEnd: 6 }}>
        {legend}
      </legend>
      <div className="radio-row">
        {options.map((o) => (
          <label key={o.value} className="radio-pill">
            <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {error && <span className="field-error">{error}</span>}
    </fieldset>
  );
}
