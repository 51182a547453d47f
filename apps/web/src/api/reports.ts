import {
  adminReportPageSchema,
  evidencePackResponseSchema,
  type ReportBody,
  type ReportCategory,
  type ReportMessageBody,
  type ReportResolveBody,
  type ReportStatus,
  reportMessageResponseSchema,
  reportPageSchema,
  reportResponseSchema,
} from '@bextr/contracts';
import { type ApiClient, queryString } from './client.ts';

const enc = encodeURIComponent;

/** The reports endpoints of API.md ("Reports and moderation"), typed by the contracts. */
export function reportsApi(client: ApiClient) {
  return {
    create: (body: ReportBody) =>
      client
        .request({ method: 'POST', path: '/reports', body, schema: reportResponseSchema })
        .then((r) => r.report),
    mine: (query: { limit?: number; cursor?: string }, signal?: AbortSignal) =>
      client.request({
        method: 'GET',
        path: `/reports/mine${queryString(query)}`,
        schema: reportPageSchema,
        signal,
      }),
    get: (id: string, signal?: AbortSignal) =>
      client
        .request({ method: 'GET', path: `/reports/${enc(id)}`, schema: reportResponseSchema, signal })
        .then((r) => r.report),
    message: (id: string, body: ReportMessageBody, idempotencyKey?: string) =>
      client
        .request({
          method: 'POST',
          path: `/reports/${enc(id)}/messages`,
          body,
          schema: reportMessageResponseSchema,
          idempotencyKey,
        })
        .then((r) => r.message),

    queue: (
      query: { limit?: number; cursor?: string; status?: ReportStatus; category?: ReportCategory },
      signal?: AbortSignal,
    ) =>
      client.request({
        method: 'GET',
        path: `/admin/reports${queryString(query)}`,
        schema: adminReportPageSchema,
        signal,
      }),
    pack: (id: string, signal?: AbortSignal) =>
      client
        .request({
          method: 'GET',
          path: `/admin/reports/${enc(id)}`,
          schema: evidencePackResponseSchema,
          signal,
        })
        .then((r) => r.pack),
    resolve: (id: string, body: ReportResolveBody) =>
      client
        .request({
          method: 'POST',
          path: `/admin/reports/${enc(id)}/resolve`,
          body,
          schema: evidencePackResponseSchema,
        })
        .then((r) => r.pack),
  };
}
