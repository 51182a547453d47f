import { type Conversation, imageRef, type Message } from '@bextr/contracts';
import type { MessageRow } from '../../db/schema.ts';
import { imageUrl } from '../campaigns/presenter.ts';
import type { ConversationWithParties } from './queries.ts';

export function presentMessage(row: MessageRow): Message {
  return {
    id: row.id,
    conversationId: row.conversationId,
    senderId: row.senderId,
    body: row.body,
    clientId: row.clientId,
    attachments: row.attachmentIds.map(imageRef),
    createdAt: row.createdAt.toISOString(),
  };
}

/** A thread as one of its members sees it: the other side by its public name (the influencer's display
 * name or the company's name; the account name as a fallback — never an e-mail). */
export function presentConversation(row: ConversationWithParties): Conversation {
  const { conversation: c } = row;
  const otherIsBusiness = row.otherId === c.businessId;
  return {
    id: c.id,
    offerId: row.offerId,
    offerStatus: row.offerStatus,
    campaign: { id: row.campaignId, name: row.campaignName ?? '' },
    otherParty: {
      id: row.otherId,
      role: otherIsBusiness ? 'business' : 'influencer',
      name: row.otherName,
      avatarUrl: imageUrl(row.otherAvatarId),
      handle: otherIsBusiness ? null : row.otherHandle,
    },
    lastMessage:
      row.lastMessageId && row.lastMessageSenderId && row.lastMessageAt
        ? {
            id: row.lastMessageId,
            senderId: row.lastMessageSenderId,
            preview: row.lastMessagePreview ?? '',
            attachmentCount: row.lastMessageAttachments,
            createdAt: row.lastMessageAt.toISOString(),
          }
        : null,
    unreadCount: row.unreadCount,
    otherReadUpTo: row.otherReadUpTo,
    lastActivityAt: c.lastActivityAt.toISOString(),
  };
}
