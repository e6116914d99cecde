/**
 * `ctx.identity.sourceIp`: the TCP peer address, then the addresses of `x-forwarded-for` when the
 * header is present.
 */
export function sourceIpOf(peer: string | undefined, forwardedFor: string | null | undefined): string[] {
  const forwarded = forwardedFor
    ? forwardedFor
        .split(',')
        .map((ip) => ip.trim())
        .filter(Boolean)
    : [];
  return [peer ?? '127.0.0.1', ...forwarded];
}
