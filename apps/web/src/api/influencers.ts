import {
  type InfluencerProfileBody,
  type InfluencerSearchQuery,
  type InsightBody,
  influencerPageSchema,
  influencerProfileResponseSchema,
  insightResponseSchema,
  type Locale,
  type PortfolioItemBody,
  portfolioItemResponseSchema,
  type SocialAccountBody,
  socialAccountResponseSchema,
  type Upload,
  uploadSchema,
} from '@bextr/contracts';
import { localeStore } from '../i18n/locale-store.ts';
import { API_BASE, type ApiClient, queryString } from './client.ts';
import { ApiError, parseErrorBody } from './errors.ts';

const P = '/influencer-profile';
const enc = encodeURIComponent;

/** The influencer-profile, directory and upload endpoints of API.md, typed by the contracts. */
export function influencersApi(client: ApiClient) {
  const profileOf = (p: Promise<{ profile: import('@bextr/contracts').InfluencerProfile }>) =>
    p.then((r) => r.profile);
  return {
    mine: (signal?: AbortSignal) =>
      profileOf(client.request({ method: 'GET', path: P, schema: influencerProfileResponseSchema, signal })),
    save: (body: InfluencerProfileBody) =>
      profileOf(client.request({ method: 'PUT', path: P, body, schema: influencerProfileResponseSchema })),
    addAccount: (body: SocialAccountBody) =>
      client.request({
        method: 'POST',
        path: `${P}/social-accounts`,
        body,
        schema: socialAccountResponseSchema,
      }),
    updateAccount: ({ id, body }: { id: string; body: Partial<SocialAccountBody> }) =>
      client.request({
        method: 'PATCH',
        path: `${P}/social-accounts/${enc(id)}`,
        body,
        schema: socialAccountResponseSchema,
      }),
    removeAccount: (id: string) =>
      client.requestEmpty({ method: 'DELETE', path: `${P}/social-accounts/${enc(id)}` }),
    addPortfolio: ({ body, key }: { body: PortfolioItemBody; key?: string }) =>
      client.request({
        method: 'POST',
        path: `${P}/portfolio`,
        body,
        schema: portfolioItemResponseSchema,
        idempotencyKey: key,
      }),
    updatePortfolio: ({ id, body }: { id: string; body: Partial<PortfolioItemBody> }) =>
      client.request({
        method: 'PATCH',
        path: `${P}/portfolio/${enc(id)}`,
        body,
        schema: portfolioItemResponseSchema,
      }),
    removePortfolio: (id: string) =>
      client.requestEmpty({ method: 'DELETE', path: `${P}/portfolio/${enc(id)}` }),
    addInsight: ({ body, key }: { body: InsightBody; key?: string }) =>
      client.request({
        method: 'POST',
        path: `${P}/insights`,
        body,
        schema: insightResponseSchema,
        idempotencyKey: key,
      }),
    updateInsight: ({ id, body }: { id: string; body: Partial<InsightBody> }) =>
      client.request({
        method: 'PATCH',
        path: `${P}/insights/${enc(id)}`,
        body,
        schema: insightResponseSchema,
      }),
    removeInsight: (id: string) =>
      client.requestEmpty({ method: 'DELETE', path: `${P}/insights/${enc(id)}` }),
    search: (query: Partial<InfluencerSearchQuery>, signal?: AbortSignal) =>
      client.request({
        method: 'GET',
        path: `/influencers${queryString(query)}`,
        schema: influencerPageSchema,
        signal,
      }),
    byHandle: (handle: string, signal?: AbortSignal) =>
      profileOf(
        client.request({
          method: 'GET',
          path: `/influencers/${enc(handle)}`,
          schema: influencerProfileResponseSchema,
          signal,
        }),
      ),
  };
}

/** Sends one image as multipart with XMLHttpRequest, so the page can show upload progress
 * (fetch has no upload progress events). */
export function uploadImage(file: File, onProgress: (fraction: number) => void): Promise<Upload> {
  const locale: Locale = localeStore.get();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}/uploads`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', locale);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'NETWORK_ERROR', message: '', locale }));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText) as unknown;
      } catch {
        body = undefined;
      }
      if (xhr.status === 201) {
        const parsed = uploadSchema.safeParse(body);
        if (parsed.success) return resolve(parsed.data);
      }
      reject(
        parseErrorBody(xhr.status, body, locale, xhr.getResponseHeader('retry-after')) ??
          new ApiError({ status: xhr.status, code: 'UNEXPECTED_RESPONSE', message: '', locale }),
      );
    };
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}
