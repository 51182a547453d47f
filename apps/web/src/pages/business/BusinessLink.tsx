import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/use-i18n.ts';

type Named = { id: string; name: string };

export const businessPath = (id: string) => `/businesses/${encodeURIComponent(id)}`;

/** A business's name as a link to its page; underlined, since it sits inside running text. */
export function BusinessLink({ business }: { business: Named }) {
  return (
    <Anchor component={Link} to={businessPath(business.id)} inherit underline="always">
      {business.name}
    </Anchor>
  );
}

/** "by <business>" with the name linked to the business's page. */
export function Byline({ business }: { business: Named }) {
  const { m } = useI18n();
  return (
    <>
      {m.business.byline.before}
      <BusinessLink business={business} />
      {m.business.byline.after}
    </>
  );
}
