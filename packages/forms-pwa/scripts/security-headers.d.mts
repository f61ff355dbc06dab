/** Types of security-headers.mjs (the definition lives there). */
export declare const CSP_DIRECTIVES: readonly string[];
export declare const CSP: string;
export declare const CSP_META: string;
export declare const SECURITY_HEADERS: Readonly<Record<'Content-Security-Policy' | 'X-Content-Type-Options' | 'Referrer-Policy', string>>;
