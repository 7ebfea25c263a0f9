/** Fixed identities of the fake Discord world, and a snowflake generator. */

const DISCORD_EPOCH = 1_420_070_400_000n;
let counter = 0n;

/** A fresh, increasing snowflake whose timestamp is now (discord.js reads createdTimestamp from it). */
export function nextSnowflake(): string {
  return snowflakeAt(Date.now());
}

/** A fresh snowflake whose timestamp is `at` (milliseconds since the epoch), e.g. a message from ten minutes ago. */
export function snowflakeAt(at: number): string {
  counter = (counter + 1n) & 0xfffn;
  return (((BigInt(Math.floor(at)) - DISCORD_EPOCH) << 22n) | counter).toString();
}

export const IDS = Object.freeze({
  bot: "1100000000000000001",
  application: "1100000000000000001",
  guild: "1100000000000000100",
  guildChannel: "1100000000000000101",
  /** The role Discord gives the bot when it joins (managed, tagged with the bot id). */
  botRole: "1100000000000000102",
  otherRole: "1100000000000000103",
  user: "1100000000000000200",
  otherBot: "1100000000000000300",
  dmChannel: "1100000000000000400",
});

export const BOT_USERNAME = "ArticleBot";
