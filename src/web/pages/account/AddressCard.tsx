import { useState } from 'react';
import { api } from '../../api.ts';
import { useAuth, useMe } from '../../auth.tsx';
import { Alert, Button, Card, ErrorAlert, useAction } from '../../ui/index.ts';
import type { User } from '../../types.ts';
import { useAccountT } from './strings.ts';

/**
 * How Hebrew addresses the agent (second person agrees with gender: "תגיד"/"תגידי"). Asked once — the practice page
 * shows it until it is answered — and changeable on the account page.
 */
export function AddressCard({ onlyIfUnset = false }: { onlyIfUnset?: boolean }) {
  const { t } = useAccountT();
  const { user } = useMe();
  const { setUser } = useAuth();
  const [saved, setSaved] = useState(false);
  const save = useAction((gender: 'female' | 'male') => api.patch<{ user: User }>('/api/me', { gender }));
  if (onlyIfUnset && (user.gender || saved)) return null;
  const choose = async (gender: 'female' | 'male') => {
    setSaved(false);
    const r = await save.run(gender);
    if (r) {
      setUser(r.user);
      setSaved(true);
    }
  };
  return (
    <Card title={t('addressTitle')}>
      <div className="stack-sm" data-testid="address-card">
        {saved && !onlyIfUnset && <Alert tone="success">{t('addressSaved')}</Alert>}
        <ErrorAlert error={save.error} />
        <p className="muted small">{t('addressHint')}</p>
        <div className="form-actions">
          <Button variant={user.gender === 'female' ? 'primary' : 'secondary'} busy={save.pending} onClick={() => void choose('female')} aria-pressed={user.gender === 'female'}>
            {t('addressFemale')}
          </Button>
          <Button variant={user.gender === 'male' ? 'primary' : 'secondary'} busy={save.pending} onClick={() => void choose('male')} aria-pressed={user.gender === 'male'}>
            {t('addressMale')}
          </Button>
        </div>
      </div>
    </Card>
  );
}
