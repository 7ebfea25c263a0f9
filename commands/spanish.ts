import type { LocalizationMap } from "discord-api-types/v10";

/**
 * The Spanish name and description of a command or option, for both Spanish locales Discord has (Spain and Latin
 * America): spread into the literal command JSON next to the English ones, so a command's file shows both.
 */
export function spanish(
  name: string,
  description?: string,
): { name_localizations: LocalizationMap; description_localizations?: LocalizationMap } {
  const both = (text: string): LocalizationMap => ({ "es-ES": text, "es-419": text });
  return description === undefined
    ? { name_localizations: both(name) }
    : { name_localizations: both(name), description_localizations: both(description) };
}
