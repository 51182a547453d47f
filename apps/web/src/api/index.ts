import { localeStore } from '../i18n/locale-store.ts';
import { authApi } from './auth.ts';
import { campaignsApi } from './campaigns.ts';
import { createApiClient } from './client.ts';
import { faqApi } from './faq.ts';
import { influencersApi } from './influencers.ts';
import { offersApi } from './offers.ts';
import { threadsApi } from './threads.ts';

const client = createApiClient({ getLocale: localeStore.get });

/** The one API client of the app; requests carry the UI's current language. */
export const api = {
  auth: authApi(client),
  campaigns: campaignsApi(client),
  faq: faqApi(client),
  influencers: influencersApi(client),
  offers: offersApi(client),
  threads: threadsApi(client),
};

export { ApiError, isApiError } from './errors.ts';
