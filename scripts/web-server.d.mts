/** Types for scripts/web-server.mjs (plain JavaScript so node runs it without a loader). */
export declare const CLIENT_IP_HEADER: 'x-levqor-client-ip';
export declare function normalizeAddress(value: unknown): string | null;
export declare function clientAddress(forwardedFor: string | string[] | undefined, socketAddress: string | undefined, trustedHops: number): string | null;
export declare function trustedHopsFromEnv(value: string | undefined): number;
