/** Today in the laptop's time zone as YYYY-MM-DD (toISOString would give the UTC day). */
export function localDate(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}
