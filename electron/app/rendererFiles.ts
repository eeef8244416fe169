import path from 'node:path';

/** Where the desktop window loads the renderer from: a custom scheme, not file:// (Electron's checklist). */
export const APP_ORIGIN = 'app://cms-ha';
export const RENDERER_ENTRY = `${APP_ORIGIN}/index.html`;

/**
 * The file of the built renderer that an app:// address names, or null: another host, a path that
 * leaves the renderer's folder (also when encoded), or an address that does not parse.
 */
export function rendererFileFor(url: string, root: string): string | null {
  let parsed: URL;
  let pathname: string;
  try {
    parsed = new URL(url);
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (`${parsed.protocol}//${parsed.host}` !== APP_ORIGIN || pathname.includes('\0')) return null;
  const resolvedRoot = path.resolve(root);
  const file = path.resolve(resolvedRoot, `.${pathname === '/' ? '/index.html' : pathname}`);
  return file.startsWith(`${resolvedRoot}${path.sep}`) ? file : null;
}
