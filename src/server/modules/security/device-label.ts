import UAParser from 'ua-parser-js';

/**
 * A readable name for the device behind a session, e.g. «Chrome 126 · Windows 10» or
 * «Mobile Safari 17 · iOS 17.5 · Apple iPhone». Unknown agents (curl, API clients) keep their
 * raw product token so a person still recognises them.
 */
export function deviceLabel(userAgent: string | null): string | null {
  if (!userAgent) {
    return null;
  }

  const { browser, os, device } = new UAParser(userAgent).getResult();
  const browserPart = [browser.name, browser.major].filter(Boolean).join(' ');
  const osPart = [os.name, os.version].filter(Boolean).join(' ');
  const devicePart = [device.vendor, device.model].filter(Boolean).join(' ');
  const parts = [browserPart, osPart, devicePart].filter(Boolean);

  if (parts.length === 0) {
    return userAgent.split(/\s/)[0]?.slice(0, 60) ?? null;
  }

  return parts.join(' · ');
}
