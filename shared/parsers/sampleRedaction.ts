/**
 * What a captured sample must not carry off the customer's site: the server's names, its addresses and
 * its host id. Each is replaced by a placeholder that says what stood there.
 */
export function redactSample(
  text: string,
  hostNames: readonly string[],
): { text: string; redactions: number } {
  let redactions = 0;
  const count = (placeholder: string) => () => {
    redactions++;
    return placeholder;
  };
  let out = text;
  const names = [...new Set(hostNames.map((name) => name.trim()).filter((name) => name.length >= 2))].sort(
    (a, b) => b.length - a.length,
  );
  for (const name of names) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`(?<![A-Za-z0-9-])${escaped}(?![A-Za-z0-9-])`, 'gi'), count('<host>'));
  }
  out = out.replace(/\b(?:\d{1,3}\.){3}\d{1,3}\b/g, count('<ip>'));
  // showrev prints "Hostid: 83a1c2f0"; the id identifies the machine.
  out = out.replace(/^(\s*Hostid:\s*)\S+/gim, (_match, label: string) => `${label}${count('<hostid>')()}`);
  return { text: out, redactions };
}
