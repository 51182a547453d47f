import type { NavItem } from '../../components/layout/nav-items.ts';
import type { Messages } from '../../i18n/catalogues.ts';

/** The console's sections, in the order its navigation shows them. */
export function adminNavItems(m: Messages): NavItem[] {
  const t = m.admin.nav;
  return [
    { to: '/admin', label: t.overview, end: true },
    { to: '/admin/reports', label: t.reports },
    { to: '/admin/users', label: t.users },
    { to: '/admin/campaigns', label: t.campaigns },
    { to: '/admin/faq', label: t.faq },
    { to: '/admin/audit-log', label: t.auditLog },
  ];
}
