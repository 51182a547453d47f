import {
  type AdminCampaignListQuery,
  type AdminUserListQuery,
  type AuditLogQuery,
  adminCampaignPageSchema,
  adminCampaignResponseSchema,
  adminStatsSchema,
  adminUserPageSchema,
  adminUserResponseSchema,
  auditLogPageSchema,
} from '@bextr/contracts';
import type { ApiClient } from './client.ts';

type Query = Record<string, string | number | undefined | null>;

/** `?a=1&b=2` of the filled-in values (with the page cursor when there is one). */
export function queryString(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

const id = (value: string) => encodeURIComponent(value);

/** The admin console's endpoints (API.md "Reports and moderation", without the reports). */
export function adminApi(client: ApiClient) {
  return {
    users: (query: Partial<AdminUserListQuery>, signal?: AbortSignal) =>
      client.request({
        method: 'GET',
        path: `/admin/users${queryString(query)}`,
        schema: adminUserPageSchema,
        signal,
      }),
    user: (userId: string, signal?: AbortSignal) =>
      client.request({
        method: 'GET',
        path: `/admin/users/${id(userId)}`,
        schema: adminUserResponseSchema,
        signal,
      }),
    warn: (userId: string, message: string) =>
      client.request({
        method: 'POST',
        path: `/admin/users/${id(userId)}/warn`,
        body: { message },
        schema: adminUserResponseSchema,
      }),
    suspend: (userId: string, reason: string) =>
      client.request({
        method: 'POST',
        path: `/admin/users/${id(userId)}/suspend`,
        body: { reason },
        schema: adminUserResponseSchema,
      }),
    reinstate: (userId: string, reason: string) =>
      client.request({
        method: 'POST',
        path: `/admin/users/${id(userId)}/reinstate`,
        body: reason ? { reason } : {},
        schema: adminUserResponseSchema,
      }),
    campaigns: (query: Partial<AdminCampaignListQuery>, signal?: AbortSignal) =>
      client.request({
        method: 'GET',
        path: `/admin/campaigns${queryString(query)}`,
        schema: adminCampaignPageSchema,
        signal,
      }),
    unpublish: (campaignId: string, reason: string) =>
      client.request({
        method: 'POST',
        path: `/admin/campaigns/${id(campaignId)}/unpublish`,
        body: { reason },
        schema: adminCampaignResponseSchema,
      }),
    auditLog: (query: Partial<AuditLogQuery>, signal?: AbortSignal) =>
      client.request({
        method: 'GET',
        path: `/admin/audit-log${queryString(query)}`,
        schema: auditLogPageSchema,
        signal,
      }),
    stats: (signal?: AbortSignal) =>
      client.request({ method: 'GET', path: '/admin/stats', schema: adminStatsSchema, signal }),
  };
}
