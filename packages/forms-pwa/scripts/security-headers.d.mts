// Types of security-headers.mjs (the app's one definition of its HTTP security headers), for the council server.
export declare const CSP_DIRECTIVES: readonly string[];
export declare const CSP: string;
export declare const CSP_META: string;
export declare const SECURITY_HEADERS: Readonly<Record<string, string>>;
