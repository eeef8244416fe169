const MAX_SUMMARY = 400;

/**
 * One line a reader can take in of what a parser found: the scalar facts of the result, nested one
 * level (`volumeLabel.raw: …`), lists as their length. The full result stays in the JSON export.
 */
export function summariseEvidence(result: unknown): string {
  const facts: string[] = [];
  const visit = (value: unknown, path: string, depth: number) => {
    if (value === null || value === undefined) return;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      facts.push(`${path}: ${String(value)}`);
    } else if (Array.isArray(value)) {
      facts.push(`${path}: ${value.length} item${value.length === 1 ? '' : 's'}`);
    } else if (typeof value === 'object' && depth < 2) {
      for (const [key, inner] of Object.entries(value))
        visit(inner, path ? `${path}.${key}` : key, depth + 1);
    }
  };
  visit(result, '', 0);
  const summary = facts.join('; ');
  return summary.length > MAX_SUMMARY ? `${summary.slice(0, MAX_SUMMARY - 1)}…` : summary;
}
