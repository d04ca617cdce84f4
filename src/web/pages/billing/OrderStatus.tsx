import { Badge } from '../../ui/index.ts';
import type { Order } from '../../types.ts';
import { useBillingT } from './strings.ts';

export function OrderStatus({ status }: { status: Order['status'] }) {
  const { t } = useBillingT();
  return <Badge tone={status === 'paid' ? 'ok' : status === 'pending' ? 'warn' : undefined}>{t(`status.${status}`)}</Badge>;
}
