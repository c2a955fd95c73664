DROP INDEX "messages_inbound_event_uq";--> statement-breakpoint
DROP INDEX "messages_idempotency_uq";--> statement-breakpoint
CREATE UNIQUE INDEX "messages_inbound_event_uq" ON "messages" USING btree ("inbound_event_id") WHERE inbound_event_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "messages_idempotency_uq" ON "messages" USING btree ("tenant_id","idempotency_key") WHERE idempotency_key is not null;