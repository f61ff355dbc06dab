import type { PreviewServer } from 'vite';
/** Types of serve.mjs: the start server, with the security headers on every response. */
export declare function startServer(opts?: {
  port?: number;
  host?: string;
  strictPort?: boolean;
  logLevel?: 'info' | 'warn' | 'error' | 'silent';
}): Promise<PreviewServer>;
