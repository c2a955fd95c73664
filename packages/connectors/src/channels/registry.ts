/** Every channel connector, built once from the deployment's endpoints and app credentials. */
import { createFacebookConnector } from './facebook/connector.ts';
import { createInstagramConnector } from './instagram/connector.ts';
import type { ChannelConnector, ConnectorContext, Platform } from './types.ts';
import { createWhatsappConnector } from './whatsapp/connector.ts';
import { createXConnector } from './x/connector.ts';

export function createChannelConnectors(ctx: ConnectorContext): Record<Platform, ChannelConnector> {
  return {
    facebook: createFacebookConnector(ctx),
    instagram: createInstagramConnector(ctx),
    whatsapp: createWhatsappConnector(ctx),
    x: createXConnector(ctx),
  };
}
