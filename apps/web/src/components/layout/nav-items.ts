import type { User } from '@bextr/contracts';
import type { Messages } from '../../i18n/catalogues.ts';

export interface NavItem {
  to: string;
  label: string;
  /** Active only on exactly this path (the home page), not on paths below it. */
  end?: boolean;
  /** The link carries the live count of unread messages (the inbox). */
  unreadMessages?: boolean;
}

/** The header navigation for a visitor or for the signed-in user's role. */
export function navItemsFor(user: User | null | undefined, m: Messages): NavItem[] {
  if (!user) {
    return [
      { to: '/', label: m.nav.home, end: true },
      { to: '/campaigns', label: m.campaigns.nav.campaigns },
      { to: '/faq', label: m.public.nav.faq },
      { to: '/sign-in', label: m.nav.signIn },
      { to: '/sign-up', label: m.nav.signUp },
    ];
  }
  switch (user.role) {
    case 'business':
    case 'influencer':
    case 'admin':
      return [
        // An admin's home is the console; its sections (the FAQ queue among them) are in its own menu.
        user.role === 'admin'
          ? { to: '/admin', label: m.admin.headerLink }
          : { to: '/dashboard', label: m.nav.dashboard },
        ...(user.role !== 'admin' ? [{ to: '/inbox', label: m.inbox.nav, unreadMessages: true }] : []),
        ...(user.role !== 'admin' ? [{ to: '/collaborations', label: m.collaborations.nav }] : []),
        { to: '/campaigns', label: m.campaigns.nav.campaigns },
        ...(user.role === 'business'
          ? [{ to: '/business-profile', label: m.campaigns.nav.businessProfile }]
          : []),
        ...(user.role === 'influencer' ? [{ to: '/profile', label: m.influencers.nav.myProfile }] : []),
        ...(user.role === 'influencer' ? [{ to: '/offers', label: m.offers.nav.myOffers }] : []),
        ...(user.role !== 'influencer' ? [{ to: '/influencers', label: m.influencers.nav.influencers }] : []),
        { to: '/faq', label: m.public.nav.faq },
        { to: '/settings', label: m.nav.settings },
      ];
  }
}
