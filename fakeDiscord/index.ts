export {
  CLIENT_CLOSED_REQUEST,
  FakeDiscord,
  type FakeDiscordOptions,
  type GatewayFrame,
  type RestCall,
  type RestFault,
} from "./fakeDiscord.js";
export { BOT_USERNAME, IDS, nextSnowflake, snowflakeAt } from "./ids.js";
export * from "./payloads.js";
export * from "./responses.js";
export { InteractionSigner, type SignedPostOptions } from "./interactionSigner.js";
