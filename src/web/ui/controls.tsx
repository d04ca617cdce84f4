/** Buttons and labelled form fields. Every input gets a visible label, and its error is announced with it. */
import { cloneElement, isValidElement, useId, type ButtonHTMLAttributes, type ReactElement, type ReactNode } from 'react';
import { useCommonT } from '../i18n/common.ts';

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger';

export function Button({
  variant = 'secondary',
  size,
  busy,
  block,
  className,
  children,
  disabled,
  type = 'button',
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: 'sm'; busy?: boolean; block?: boolean }) {
  const cls = ['btn', `btn-${variant}`, size === 'sm' && 'btn-sm', block && 'btn-block', className].filter(Boolean).join(' ');
  return (
    <button type={type} className={cls} disabled={disabled || busy} aria-busy={busy || undefined} {...rest}>
      {busy && <span className="spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}

/**
 * Direction of a text's first strong letter (Hebrew/Arabic → rtl, Latin → ltr), or undefined to inherit the
 * page's. Unlike dir="auto", an empty field keeps the interface direction.
 */
export function textDir(value: unknown): 'rtl' | 'ltr' | undefined {
  if (typeof value !== 'string') return undefined;
  const m = value.match(/[A-Za-z\u00C0-\u024F]|[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/);
  return m ? (/[A-Za-z\u00C0-\u024F]/.test(m[0]) ? 'ltr' : 'rtl') : undefined;
}

const isFreeText = (el: ReactElement<Record<string, unknown>>) =>
  el.type === 'textarea' || (el.type === 'input' && (el.props.type === undefined || el.props.type === 'text' || el.props.type === 'search'));

interface FieldProps {
  label: ReactNode;
  /** The control: <input>, <select> or <textarea>; it receives id, aria-invalid and aria-describedby. */
  children: ReactElement<Record<string, unknown>>;
  error?: string;
  hint?: ReactNode;
  optional?: boolean;
  className?: string;
}

export function Field({ label, children, error, hint, optional, className }: FieldProps) {
  const { t } = useCommonT();
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errId = error ? `${id}-err` : undefined;
  const control = isValidElement(children)
    ? cloneElement(children, {
        id: (children.props.id as string | undefined) ?? id,
        // free text follows its own language (Hebrew in the English interface and vice versa)
        dir: (children.props.dir as string | undefined) ?? (isFreeText(children) ? textDir(children.props.value) : undefined),
        'aria-invalid': error ? true : undefined,
        'aria-describedby': [hintId, errId].filter(Boolean).join(' ') || undefined,
      })
    : children;
  const controlId = (isValidElement(children) && (children.props.id as string | undefined)) || id;
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={controlId}>
        {label}
        {optional && <span className="optional">{t('state.optional')}</span>}
      </label>
      {control}
      {hint && (
        <span className="field-hint" id={hintId}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field-error" id={errId} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/** A group of toggle buttons where exactly one is pressed (language switch, period pickers). */
export function Segmented<T extends string>({
  value,
  options,
  onChange,
  label,
  className = 'segmented',
}: {
  value: T;
  options: { value: T; label: ReactNode; lang?: string }[];
  onChange(v: T): void;
  label: string;
  className?: string;
}) {
  return (
    <div className={className} role="group" aria-label={label}>
      {options.map((o) => (
        <button key={o.value} type="button" lang={o.lang} aria-pressed={o.value === value} onClick={() => onChange(o.value)}>
          {o.label}
        </button>
      ))}
    </div>
  );
}
