import { z } from 'zod';
import { idSchema, pageSchema } from './common.ts';
import { type NotificationKind, notificationKinds, notificationSchema, offerStatusSchema } from './offers.ts';
import { imageRefSchema } from './uploads.ts';

// ── Threads (one conversation per offer, between its business and its influencer) ──

/** The longest message body, in characters. */
export const maxMessageLength = 20_000;
/** The most images one message carries. */
export const maxMessageAttachments = 6;
/** How many characters of the last message the inbox shows. */
export const messagePreviewLength = 140;

/** A client-made id that makes sending idempotent: a retry with the same id stores nothing new. */
export const clientIdSchema = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

export const messageBodySchema = z
  .strictObject({
    body: z.string().trim().max(maxMessageLength).default(''),
    clientId: clientIdSchema,
    attachmentIds: z.array(idSchema).max(maxMessageAttachments).default([]),
  })
  .refine((m) => m.body.length > 0 || m.attachmentIds.length > 0, {
    message: 'message_empty',
    path: ['body'],
  });
export type MessageBody = z.input<typeof messageBodySchema>;

export const messageSchema = z.object({
  id: idSchema,
  conversationId: idSchema,
  senderId: idSchema,
  body: z.string(),
  clientId: z.string(),
  attachments: z.array(imageRefSchema),
  createdAt: z.string(),
});
export type Message = z.infer<typeof messageSchema>;
export const messagePageSchema = pageSchema(messageSchema);
export const messageResponseSchema = z.object({ message: messageSchema });

export const conversationPartySchema = z.object({
  id: idSchema,
  role: z.enum(['business', 'influencer']),
  /** The influencer's display name or the company's name (the account name as a fallback). */
  name: z.string(),
  avatarUrl: z.string().nullable(),
  /** The influencer's handle (null for a business). */
  handle: z.string().nullable(),
});
export type ConversationParty = z.infer<typeof conversationPartySchema>;

export const conversationSchema = z.object({
  id: idSchema,
  offerId: idSchema,
  offerStatus: offerStatusSchema,
  campaign: z.object({ id: idSchema, name: z.string() }),
  otherParty: conversationPartySchema,
  lastMessage: z
    .object({
      id: idSchema,
      senderId: idSchema,
      /** The first characters of the body (see messagePreviewLength). */
      preview: z.string(),
      attachmentCount: z.number().int(),
      createdAt: z.string(),
    })
    .nullable(),
  /** Messages from the other side after my read marker. */
  unreadCount: z.number().int(),
  /** The newest of my messages the other side has read (null when none). */
  otherReadUpTo: idSchema.nullable(),
  lastActivityAt: z.string(),
});
export type Conversation = z.infer<typeof conversationSchema>;
export const conversationPageSchema = pageSchema(conversationSchema).extend({
  /** Unread messages across all my threads (for the header). */
  unreadTotal: z.number().int(),
});
export const conversationResponseSchema = z.object({ conversation: conversationSchema });

export const conversationReadBodySchema = z.strictObject({ upTo: idSchema });
export type ConversationReadBody = z.infer<typeof conversationReadBodySchema>;
export const conversationReadResponseSchema = z.object({
  unreadCount: z.number().int(),
  unreadTotal: z.number().int(),
});

export const messageListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});

// ── Live events (GET /events, Server-Sent Events) ──

export const liveEventTypes = ['message', 'read', 'notification', 'offer', 'collaboration'] as const;
export type LiveEventType = (typeof liveEventTypes)[number];

/** `data` of each event type, as JSON. */
export const liveEventDataSchemas = {
  /** A new message in one of my threads (mine too: other tabs see it). */
  message: z.object({ conversationId: idSchema, message: messageSchema }),
  /** Someone moved a read marker: `userId` read `conversationId` up to `upTo`. */
  read: z.object({ conversationId: idSchema, userId: idSchema, upTo: idSchema }),
  /** A new in-app notification, with my unread count after it. */
  notification: z.object({ notification: notificationSchema, unreadCount: z.number().int() }),
  /** An offer of mine (either side) changed state. */
  offer: z.object({
    offerId: idSchema,
    campaignId: idSchema,
    conversationId: idSchema.nullable(),
    status: offerStatusSchema,
  }),
  /** A collaboration of mine changed (filled in by the collaborations feature). */
  collaboration: z.object({ collaborationId: idSchema, status: z.string() }),
} as const;
export type LiveEventData<T extends LiveEventType> = z.infer<(typeof liveEventDataSchemas)[T]>;

// ── Notification e-mail preferences ──

/** Notifications whose e-mail is always sent: what the platform tells a user about their account
 * (an admin's warning, a campaign taken down and why) and about reports they are a party to. They
 * cannot be muted, and their e-mails carry no unsubscribe link. */
export const serviceNotificationKinds = [
  'account_warned',
  'campaign_unpublished',
  'report_opened',
  'report_updated',
  'report_resolved',
] as const satisfies readonly NotificationKind[];
export type ServiceNotificationKind = (typeof serviceNotificationKinds)[number];
export const isServiceNotificationKind = (kind: string): kind is ServiceNotificationKind =>
  (serviceNotificationKinds as readonly string[]).includes(kind);

/** Each kind of e-mail a user may mute: every notification kind but the service ones, and the
 * batched unread messages. */
export type EmailKind = Exclude<NotificationKind, ServiceNotificationKind> | 'new_messages';
export const emailKinds = [
  ...notificationKinds.filter(
    (kind): kind is Exclude<NotificationKind, ServiceNotificationKind> => !isServiceNotificationKind(kind),
  ),
  'new_messages',
] as unknown as [EmailKind, ...EmailKind[]];
export const emailKindSchema = z.enum(emailKinds);

/** `email[kind]` is true when that e-mail is sent (the default), false when muted. */
export const notificationPreferencesSchema = z.object({
  email: z.record(emailKindSchema, z.boolean()),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;
export const notificationPreferencesBodySchema = z.strictObject({
  email: z.partialRecord(emailKindSchema, z.boolean()),
});
export type NotificationPreferencesBody = z.infer<typeof notificationPreferencesBodySchema>;

/** The one-click unsubscribe link's token and the kind it mutes (no sign-in needed). */
export const unsubscribeBodySchema = z.strictObject({
  token: z.string().min(16).max(200),
  kind: emailKindSchema,
});
export type UnsubscribeBody = z.infer<typeof unsubscribeBodySchema>;
export const unsubscribeResponseSchema = z.object({ kind: emailKindSchema });
