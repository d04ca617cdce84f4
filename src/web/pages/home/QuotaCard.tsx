import { Link } from 'react-router-dom';
import { useMe } from '../../auth.tsx';
import { useCommonT } from '../../i18n/common.ts';
import { Async, Card, QuotaBar, useQuery } from '../../ui/index.ts';
import type { Quotas } from '../../types.ts';
import { useHomeT } from './strings.ts';

/** Manager home: seats, analyses and practice minutes of this month, coloured by level. */
export default function QuotaCard() {
  const { t } = useHomeT();
  const common = useCommonT().t;
  const { company } = useMe();
  const q = useQuery<{ quotas: Quotas }>(company ? `/api/companies/${company.id}/usage` : null);
  return (
    <Card title={t('quotasTitle')} actions={<Link to="/usage" className="small">{t('quotasMore')}</Link>}>
      <Async query={q}>
        {({ quotas }) => (
          <div className="stack" data-testid="quota-bars">
            <QuotaBar
              label={common('quota.seats')}
              line={quotas.seats}
              action={<Link to="/billing" className="small">{common('quota.buySeats')}</Link>}
            />
            <QuotaBar label={common('quota.analyses')} line={quotas.analyses} />
            <QuotaBar label={common('quota.simMinutes')} line={quotas.simMinutes} />
          </div>
        )}
      </Async>
    </Card>
  );
}
