import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendererFileFor, RENDERER_ENTRY } from '../../electron/app/rendererFiles.ts';

const root = path.resolve('/opt/cms-ha/renderer/dist');

describe('the app:// protocol of the desktop window', () => {
  it('serves the built renderer files', () => {
    expect(rendererFileFor(RENDERER_ENTRY, root)).toBe(path.join(root, 'index.html'));
    expect(rendererFileFor('app://cms-ha/', root)).toBe(path.join(root, 'index.html'));
    expect(rendererFileFor('app://cms-ha/assets/index-abc.js?x=1#y', root)).toBe(
      path.join(root, 'assets/index-abc.js'),
    );
  });

  it('never serves a file outside the renderer folder, however the path is written', () => {
    for (const url of [
      'app://cms-ha/../../etc/passwd',
      'app://cms-ha/%2e%2e/%2e%2e/etc/passwd',
      'app://cms-ha/assets/..%2f..%2f..%2fjournal.jsonl',
      'app://cms-ha/..%5c..%5cjournal.jsonl',
    ]) {
      const file = rendererFileFor(url, root);
      expect(file === null || file.startsWith(`${root}${path.sep}`), `${url} -> ${file}`).toBe(true);
    }
  });

  it('serves nothing of another host or scheme, or for an address that does not parse', () => {
    for (const url of [
      'app://cms-ha/%00',
      'app://cms-ha/%',
      'app://other/index.html',
      'file:///etc/passwd',
      'not a url',
    ]) {
      expect(rendererFileFor(url, root), url).toBeNull();
    }
  });
});
