export { AutoReplyRules, BrandVoice } from '@replyforce/ai';
export { LlmSettingsBody } from './ai-settings/llm-settings.ts';
export { getAiSettings, updateAiSettings } from './ai-settings/update-ai-settings.ts';
export { getLlmSettings, removeLlmSettings, setLlmSettings } from './ai-settings/update-llm-settings.ts';
export { resolveAnalyticsRange } from './analytics/analytics-range.ts';
export { exportAnalyticsCsv } from './analytics/export-analytics-csv.ts';
export { getAgentPerformance } from './analytics/get-agent-performance.ts';
export { getAnalyticsOverview } from './analytics/get-analytics-overview.ts';
export { getChannelVolume } from './analytics/get-channel-volume.ts';
export { getLeadFunnel } from './analytics/get-lead-funnel.ts';
export { getResponseTimes } from './analytics/get-response-times.ts';
export { getSentimentTrend } from './analytics/get-sentiment-trend.ts';
export { AppError } from './app-error.ts';
export { listAuditLogs } from './audit/list-audit-logs.ts';
export { recordAccessDenied, recordAudit } from './audit/record-audit.ts';
export { authenticate, getMe } from './auth/authenticate.ts';
export type { IssuedSession } from './auth/issue-session.ts';
export { login } from './auth/login.ts';
export { loginWithMfa } from './auth/login-mfa.ts';
export { logout } from './auth/logout.ts';
export {
  confirmMfaEnrolment,
  disableMfa,
  getMfaStatus,
  regenerateRecoveryCodes,
  startMfaEnrolment,
} from './auth/mfa.ts';
export { refreshSession } from './auth/refresh-session.ts';
export { register } from './auth/register.ts';
export { getSecuritySettings, updateSecuritySettings } from './auth/security-settings.ts';
export { switchTenant } from './auth/switch-tenant.ts';
export { base32Decode, matchTotp, otpauthUri, totpCode, totpStepAt } from './auth/totp.ts';
export { toChannelDto } from './channels/channel-dto.ts';
export { type ChannelRouter, createChannelRouter } from './channels/channel-router.ts';
export { completeConnect } from './channels/complete-connect.ts';
export { handleChannelFailure, markNeedsReauth } from './channels/handle-channel-failure.ts';
export {
  channelStatus,
  disconnectChannel,
  listChannelTemplates,
  listTenantChannels,
} from './channels/manage-channels.ts';
export { refreshExpiringTokens } from './channels/refresh-tokens.ts';
export { saveGrantedAccounts } from './channels/save-granted-accounts.ts';
export { startConnect } from './channels/start-connect.ts';
export { assignConversation } from './conversations/assign-conversation.ts';
export { toContactDto, toConversationDto, toMessageDto } from './conversations/dto.ts';
export { getContact } from './conversations/get-contact.ts';
export { getConversation } from './conversations/get-conversation.ts';
export { listContacts } from './conversations/list-contacts.ts';
export { listConversationMessages } from './conversations/list-conversation-messages.ts';
export { listConversations } from './conversations/list-conversations.ts';
export { markConversationRead } from './conversations/mark-conversation-read.ts';
export { setConversationStatus } from './conversations/set-conversation-status.ts';
export { applyCrmWebhookChanges } from './crm/apply-crm-changes.ts';
export { completeCrmConnect } from './crm/complete-crm-connect.ts';
export { getCrmMapping, listCrmFields, putCrmMapping } from './crm/crm-mapping.ts';
export { forceCrmSync, getCrmSyncStatus, retryCrmDeadLetter } from './crm/crm-sync-status.ts';
export { dispatchDueCrmSyncs } from './crm/dispatch-crm-syncs.ts';
export { eraseContact } from './crm/erase-contact.ts';
export { disconnectCrm, listCrmIntegrations, updateCrmIntegration } from './crm/manage-crm-connections.ts';
export { noteLeadChangeForCrm } from './crm/note-lead-change.ts';
export { pullCrmChanges } from './crm/pull-crm-changes.ts';
export { refreshCrmTokens } from './crm/refresh-crm-tokens.ts';
export { runCrmSync } from './crm/run-crm-sync.ts';
export { startCrmConnect } from './crm/start-crm-connect.ts';
export { deleteDeadLetter } from './dead-letters/delete-dead-letter.ts';
export { getDeadLetter } from './dead-letters/get-dead-letter.ts';
export { getQueueStats } from './dead-letters/get-queue-stats.ts';
export { listDeadLetters } from './dead-letters/list-dead-letters.ts';
export { purgeDeadLetters } from './dead-letters/purge-dead-letters.ts';
export { recordDeadLetter } from './dead-letters/record-dead-letter.ts';
export { retryDeadLetter } from './dead-letters/retry-dead-letter.ts';
export type { Actor, CoreDeps } from './deps.ts';
export { processInboundEvent } from './ingestion/process-inbound-event.ts';
export { processReceipts } from './ingestion/process-receipts.ts';
export {
  dispatchInboundEvents,
  type StoredEvent,
  storeWebhookEvents,
} from './ingestion/store-webhook-events.ts';
export { sweepSpine } from './ingestion/sweep-spine.ts';
export {
  addKnowledgeItem,
  editKnowledgeItem,
  getKnowledgeItem,
  listKnowledge,
  removeKnowledgeItem,
  searchKnowledge,
} from './knowledge/manage-knowledge.ts';
export { addTemplate, editTemplate, listTemplates, removeTemplate } from './knowledge/manage-templates.ts';
export { getLead } from './leads/get-lead.ts';
export { listLeads } from './leads/list-leads.ts';
export { leadStats, setLeadTag } from './leads/set-lead-tag.ts';
export { deliverMail } from './mail/deliver-mail.ts';
export { listOutbox } from './mail/list-outbox.ts';
export { createLocalOutboxTransport, type MailTransport, type OutgoingMail } from './mail/mail-transport.ts';
export { sweepQueuedMail } from './mail/sweep-mail.ts';
export { type CircuitBreakers, createCircuitBreakers } from './outbound/circuit-breaker.ts';
export { planSend, windowState } from './outbound/policy.ts';
export { replyAsAgent } from './outbound/reply-as-agent.ts';
export { sendMessage } from './outbound/send-message.ts';
export { publish } from './realtime/publish.ts';
export { decideReply } from './replies/decide-reply.ts';
export { reviewDraft } from './replies/review-draft.ts';
export { acceptInvitation, previewInvitation } from './team/accept-invitation.ts';
export { changeMemberRole } from './team/change-member-role.ts';
export { inviteMember } from './team/invite-member.ts';
export { listInvitations } from './team/list-invitations.ts';
export { listMembers } from './team/list-members.ts';
export { removeMember } from './team/remove-member.ts';
export { revokeInvitation } from './team/revoke-invitation.ts';
export { DEMO, seedDemo } from './tenants/seed-demo.ts';
export { seedDemoChannels } from './tenants/seed-demo-channels.ts';
export { DEMO_FAQ } from './tenants/seed-demo-knowledge.ts';
export { createVault, type Vault } from './vault/vault.ts';
