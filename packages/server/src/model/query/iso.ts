/** An instant from either engine as an ISO 8601 UTC string (null stays null). */
export function iso<T extends Date | null>(d: T): T extends Date ? string : string | null {
  return (d === null ? null : (d as Date).toISOString()) as T extends Date ? string : string | null;
}
