/** The design system: import components from here (`import { Button, Field } from '../../ui/index.ts'`). */
export { Button, Field, Segmented, textDir } from './controls.tsx';
export { Alert, ErrorAlert, Loading, EmptyState, Badge, Async } from './feedback.tsx';
export { PageHeader, Card, Stat } from './layout.tsx';
export { QuotaBar } from './QuotaBar.tsx';
export { Dialog, ConfirmDialog } from './Dialog.tsx';
export { Icon, type IconName } from './icons.tsx';
export { useQuery, useAction, type Query, type Action } from './hooks.ts';
export { formatNumber, formatMoney, formatDate, formatDateTime, formatDayMonth } from './format.ts';
