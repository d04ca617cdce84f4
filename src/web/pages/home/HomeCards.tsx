import { Suspense } from 'react';
import { useMe } from '../../auth.tsx';
import { homeCards } from '../../routes.tsx';
import { Loading } from '../../ui/index.ts';

/** The home cards registered in routes.tsx for the signed-in role. Returns null when there are none. */
export function HomeCards() {
  const { user } = useMe();
  const cards = homeCards.filter((c) => c.roles.includes(user.role)).sort((a, b) => a.order - b.order);
  if (cards.length === 0) return null;
  return (
    <div className="grid-2">
      {cards.map((c) => (
        <Suspense key={c.id} fallback={<div className="card"><Loading /></div>}>
          <c.component />
        </Suspense>
      ))}
    </div>
  );
}

/** True when some home card is registered for this role. */
export const hasHomeCards = (role: string) => homeCards.some((c) => c.roles.includes(role as never));
