// The apps every seed starts with: six apps with different channel sets, channel
// credentials with (made-up) secrets, and the other App fields the API returns.
import type { App, ChannelCredential } from '../sinch/types';
import { Prng } from './prng';
import { UlidFactory } from './ulid';

const APPS_RANDOM_SEED = 0x5eed0a99;

/** Apps are created on fixed dates, before any seeded contact. */
const APPS_EPOCH_MS = Date.UTC(2023, 10, 6, 8, 30, 0);
const DAY_MS = 86_400_000;

const HEX = '0123456789abcdef';
const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export interface SeedApps {
  apps: App[];
  /** ID of the Messenger app, whose contacts' MESSENGER identities carry it as `app_id`. */
  messengerAppId: string;
}

function activeState(): ChannelCredential['state'] {
  return { status: 'ACTIVE', description: '' };
}

export function buildApps(): SeedApps {
  const random = new Prng(APPS_RANDOM_SEED);
  let day = 0;
  const ids = new UlidFactory(() => random.next(), () => APPS_EPOCH_MS + day++ * DAY_MS);

  const secret = (): string => random.chars(32, HEX);
  const token = (): string => random.chars(40, TOKEN_ALPHABET);
  const servicePlanId = (): string => random.chars(32, HEX);

  const common = (displayName: string): Partial<App> => ({
    display_name: displayName,
    processing_mode: 'CONVERSATION',
    conversation_metadata_report_view: 'NONE',
    rate_limits: { inbound: 25, outbound: 25, webhooks: 25 },
    retention_policy: { retention_type: 'MESSAGE_EXPIRE_POLICY', ttl_days: 180 },
    dispatch_retention_policy: { retention_type: 'MESSAGE_EXPIRE_POLICY', ttl_days: 0 },
    smart_conversation: { enabled: false },
    queue_stats: { outbound_size: 0, outbound_limit: 500000 },
    persist_message_status: { enabled: false },
    message_search: { enabled: false },
    callback_settings: { secret_for_overridden_callback_urls: '' },
    delivery_report_based_fallback: { enabled: false, delivery_report_waiting_time: 0 },
    message_retry_settings: { retry_duration: 3600 },
  });

  const supportId = ids.next();
  const alertsId = ids.next();
  const rcsId = ids.next();
  const whatsappId = ids.next();
  const messengerId = ids.next();
  const dispatchId = ids.next();

  const apps: App[] = [
    {
      ...common('Customer Support (SMS, MMS, RCS)'),
      id: supportId,
      channel_credentials: [
        { channel: 'SMS', static_bearer: { claimed_identity: servicePlanId(), token: token() }, callback_secret: secret(), state: activeState(), channel_known_id: '' },
        {
          channel: 'MMS',
          mms_credentials: {
            account_id: `acct-${random.chars(8, HEX)}`,
            api_key: token(),
            basic_auth: { username: 'mms-support', password: token() },
            default_sender: '46701000001',
          },
          callback_secret: secret(),
          state: activeState(),
          channel_known_id: '',
        },
        { channel: 'RCS', static_bearer: { claimed_identity: 'support_agent_rcs', token: token() }, callback_secret: secret(), state: activeState(), channel_known_id: 'support_agent_rcs' },
      ],
      smart_conversation: { enabled: true },
      delivery_report_based_fallback: { enabled: true, delivery_report_waiting_time: 300 },
    },
    {
      ...common('Delivery Alerts (SMS only)'),
      id: alertsId,
      channel_credentials: [
        { channel: 'SMS', static_bearer: { claimed_identity: servicePlanId(), token: token() }, callback_secret: '', state: activeState(), channel_known_id: '' },
      ],
      rate_limits: { inbound: 25, outbound: 100, webhooks: 50 },
      retention_policy: { retention_type: 'CONVERSATION_EXPIRE_POLICY', ttl_days: 30 },
    },
    {
      ...common('Brand Messaging (RCS)'),
      id: rcsId,
      channel_credentials: [
        {
          channel: 'RCS',
          static_bearer: { claimed_identity: 'brand_agent_rcs', token: token() },
          callback_secret: secret(),
          state: { status: 'PENDING', description: 'Agent launch is waiting for carrier approval.' },
          channel_known_id: 'brand_agent_rcs',
        },
      ],
      conversation_metadata_report_view: 'FULL',
    },
    {
      ...common('WhatsApp Sales'),
      id: whatsappId,
      channel_credentials: [
        { channel: 'WHATSAPP', static_bearer: { claimed_identity: random.chars(15, '0123456789'), token: token() }, callback_secret: secret(), state: activeState(), channel_known_id: '' },
      ],
      retention_policy: { retention_type: 'PERSIST_RETENTION_POLICY', ttl_days: 3650 },
      message_search: { enabled: true },
    },
    {
      ...common('Messenger Care'),
      id: messengerId,
      channel_credentials: [
        {
          channel: 'MESSENGER',
          static_token: { token: token() },
          callback_secret: secret(),
          state: { status: 'FAILING', description: 'The page access token was revoked; reconnect the page.' },
          channel_known_id: random.chars(15, '0123456789'),
        },
      ],
    },
    {
      ...common('Order Notifications (dispatch)'),
      id: dispatchId,
      processing_mode: 'DISPATCH',
      channel_credentials: [
        { channel: 'SMS', static_bearer: { claimed_identity: servicePlanId(), token: token() }, callback_secret: '', state: activeState(), channel_known_id: '' },
        { channel: 'WHATSAPP', static_bearer: { claimed_identity: random.chars(15, '0123456789'), token: token() }, callback_secret: secret(), state: activeState(), channel_known_id: '' },
      ],
      dispatch_retention_policy: { retention_type: 'MESSAGE_EXPIRE_POLICY', ttl_days: 7 },
      persist_message_status: { enabled: true },
    },
  ] as App[];

  return { apps, messengerAppId: messengerId };
}
