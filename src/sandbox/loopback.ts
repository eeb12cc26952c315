// Checks that keep the sandbox reachable from this machine only. The server binds
// 127.0.0.1; these checks also reject what a web page in a local browser could send.

const IPV4_LOOPBACK = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** Returns whether a socket's remote address is a loopback address (IPv4, IPv6 or IPv4-mapped IPv6). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) {
    return false;
  }
  if (address === '::1') {
    return true;
  }
  const ipv4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return IPV4_LOOPBACK.test(ipv4);
}

/**
 * Returns whether a `Host` header names a loopback host. A web page that rebinds its own domain
 * to 127.0.0.1 still sends that domain as Host, so this check stops DNS rebinding.
 */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) {
    return false;
  }
  const name = host.replace(/:\d+$/, '').toLowerCase();
  return name === 'localhost' || name === '[::1]' || IPV4_LOOPBACK.test(name);
}
