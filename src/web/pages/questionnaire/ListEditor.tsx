import { useState, type ReactNode } from 'react';
import { useCommonT } from '../../i18n/common.ts';
import { Button, Icon } from '../../ui/index.ts';

/**
 * An editable list: numbered rows, each with move up/down and remove, and an "add" button that focuses
 * the new row. `renderItem` draws one row's inputs; `autoFocus` is true for a row just added.
 */
export function ListEditor<T>({
  legend,
  items,
  onChange,
  newItem,
  addLabel,
  itemName,
  renderItem,
  error,
  emptyText,
  max,
}: {
  legend: string;
  items: T[];
  onChange(next: T[]): void;
  newItem(): T;
  addLabel: string;
  /** Spoken name of row i, for the buttons' labels ("Remove: Competitor 2"). */
  itemName(i: number): string;
  renderItem(item: T, i: number, update: (next: T) => void, autoFocus: boolean): ReactNode;
  error?: string;
  emptyText?: string;
  max?: number;
}) {
  const { t } = useCommonT();
  const [added, setAdded] = useState<number | null>(null);
  const update = (i: number) => (next: T) => onChange(items.map((x, j) => (j === i ? next : x)));
  const move = (i: number, d: -1 | 1) => {
    const j = i + d;
    if (j < 0 || j >= items.length) return;
    const next = [...items];
    [next[i], next[j]] = [next[j], next[i]];
    onChange(next);
  };
  return (
    <fieldset className="group">
      <legend>{legend}</legend>
      <div className="list-editor">
        {items.length === 0 && emptyText && <p className="muted small">{emptyText}</p>}
        {items.map((item, i) => (
          <div className="list-item" key={i}>
            <span className="index" aria-hidden="true">
              {i + 1}
            </span>
            <div className="grow">{renderItem(item, i, update(i), added === i)}</div>
            <Button size="sm" variant="ghost" aria-label={`${t('actions.moveUp')}: ${itemName(i)}`} disabled={i === 0} onClick={() => move(i, -1)}>
              <Icon name="arrowUp" size={14} />
            </Button>
            <Button
              size="sm"
              variant="ghost"
              aria-label={`${t('actions.moveDown')}: ${itemName(i)}`}
              disabled={i === items.length - 1}
              onClick={() => move(i, 1)}
            >
              <Icon name="arrowDown" size={14} />
            </Button>
            <Button size="sm" variant="ghost" aria-label={`${t('actions.remove')}: ${itemName(i)}`} onClick={() => onChange(items.filter((_, j) => j !== i))}>
              <Icon name="trash" size={14} />
            </Button>
          </div>
        ))}
        {error && (
          <span className="field-error" role="alert">
            {error}
          </span>
        )}
        <div>
          <Button
            size="sm"
            disabled={max !== undefined && items.length >= max}
            onClick={() => {
              setAdded(items.length);
              onChange([...items, newItem()]);
            }}
          >
            <Icon name="plus" size={14} />
            {addLabel}
          </Button>
        </div>
      </div>
    </fieldset>
  );
}
