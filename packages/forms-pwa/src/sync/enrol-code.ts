/**
 * What the enrolment QR code holds: the server's address and the single-use code, as a small JSON text the app's
 * own scanner reads (not a web address: the iOS camera would open it in Safari, whose storage is not the
 * installed app's, so the code would be spent on the wrong app).
 */

/** The QR text for a device's enrolment. */
export function enrolmentQrText(server: string, code: string): string {
  return JSON.stringify({ tieuchi: 'enrol', server, code });
}

/** Reads an enrolment QR text; undefined when it is not one (any other QR code, a bad address). */
export function parseEnrolmentQr(text: string): { server: string; code: string } | undefined {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  const o = v as { tieuchi?: unknown; server?: unknown; code?: unknown } | null;
  if (!o || o.tieuchi !== 'enrol' || typeof o.server !== 'string' || typeof o.code !== 'string') return undefined;
  if (o.code.length < 8 || o.code.length > 100) return undefined;
  let url: URL;
  try {
    url = new URL(o.server);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  return { server: url.href, code: o.code };
}
