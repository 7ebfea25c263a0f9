/** Every permission except Manage Server (1 << 5) and Administrator (1 << 3, which implies every other). */
export const ALL_BUT_MANAGE_SERVER = String(2251799813685247n & ~(32n | 8n));

/** The same guild interaction, by a member whose roles lack Manage Server. */
export function withoutManageServer<T extends object>(payload: T): T {
  if (!("member" in payload) || typeof payload.member !== "object") throw new Error("a guild interaction has a member");
  return { ...payload, member: { ...payload.member, permissions: ALL_BUT_MANAGE_SERVER } };
}
