import { words } from "./normalize.js";

const DAY_NAMES: Readonly<Record<string, string>> = Object.freeze({
  monday: "monday",
  tuesday: "tuesday",
  wednesday: "wednesday",
  thursday: "thursday",
  friday: "friday",
  saturday: "saturday",
  sunday: "sunday",
  lunes: "monday",
  martes: "tuesday",
  miercoles: "wednesday",
  jueves: "thursday",
  viernes: "friday",
  sabado: "saturday",
  domingo: "sunday",
  today: "today",
  tomorrow: "tomorrow",
  yesterday: "yesterday",
  hoy: "today",
  manana: "tomorrow",
  ayer: "yesterday",
});

/** The days a text names, in English, whatever language it names them in ("viernes" → "friday"). */
export function namedDays(text: string): string[] {
  return [...new Set(words(text).flatMap((word) => DAY_NAMES[word] ?? []))];
}
