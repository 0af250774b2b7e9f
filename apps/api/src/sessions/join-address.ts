import { networkInterfaces } from 'node:os';

/** The validated PUBLIC_URL (or null), read once at start. */
export const PUBLIC_URL = Symbol('PUBLIC_URL');

/**
 * This server's addresses on its networks (IPv4, not loopback) with the port it answers on, e.g.
 * `http://192.168.1.10:3000`: what phones on the same Wi-Fi can open when no PUBLIC_URL is set.
 */
export function lanUrls(port: number): string[] {
  const urls: string[] = [];
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      if (address.family === 'IPv4' && !address.internal) urls.push(`http://${address.address}:${port}`);
    }
  }
  return [...new Set(urls)];
}
