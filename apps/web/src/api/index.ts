import { localeStore } from '../i18n/locale-store.ts';
import { adminApi } from './admin.ts';
import { authApi } from './auth.ts';
import { campaignsApi } from './campaigns.ts';
import { createApiClient } from './client.ts';
import { collaborationsApi } from './collaborations.ts';
import { faqApi } from './faq.ts';
import { influencersApi } from './influencers.ts';
import { offersApi } from './offers.ts';
import { reportsApi } from './reports.ts';
import { reviewsApi } from './reviews.ts';
import { threadsApi } from './threads.ts';

const client = createApiClient({ getLocale: localeStore.get });

/** The one API client of the app; requests carry the UI's current language. */
export const api = {
  admin: adminApi(client),
  auth: authApi(client),
  campaigns: campaignsApi(client),
  collaborations: collaborationsApi(client),
  faq: faqApi(client),
  influencers: influencersApi(client),
  offers: offersApi(client),
  reports: reportsApi(client),
  reviews: reviewsApi(client),
  threads: threadsApi(client),
};

export { ApiError, isApiError } from './errors.ts';
