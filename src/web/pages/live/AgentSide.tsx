/** What the agent's practice page shows of live observation: who is listening (always), and managers' whispers. */
import { Card } from '../../ui/index.ts';
import { useLiveT } from './strings.ts';
import './live.css';

export function ListeningIndicator({ observers }: { observers: { count: number; names: string[] } }) {
  const { t } = useLiveT();
  if (observers.count === 0) return null;
  return (
    <div className="listening-indicator" role="status" data-testid="listening-indicator" data-count={observers.count}>
      <span className="listening-dot" aria-hidden="true" />
      {t('listeningNow', { names: observers.names.join(', ') })}
    </div>
  );
}

export function WhisperCard({ whispers }: { whispers: { id: string; text: string; from: string }[] }) {
  const { t } = useLiveT();
  if (whispers.length === 0) return null;
  return (
    <Card title={t('whispersTitle')} className="whisper-card">
      <div className="stack-sm" data-testid="whispers" aria-live="assertive">
        {whispers.map((w) => (
          <p key={w.id} className="whisper" dir="auto">
            <span className="small muted">{t('whisperFrom', { from: w.from })}: </span>
            {w.text}
          </p>
        ))}
      </div>
    </Card>
  );
}
