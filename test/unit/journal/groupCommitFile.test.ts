import type { FileHandle } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { GroupCommitFile } from '../../../electron/journal/groupCommitFile.ts';

/** A file whose writes and fsyncs are recorded, and that can be made to fail. */
function recordingFile() {
  const calls: string[] = [];
  let failWith: Error | null = null;
  const handle = {
    appendFile: (text: string) => {
      calls.push(`write ${JSON.stringify(text)}`);
      return failWith ? Promise.reject(failWith) : Promise.resolve();
    },
    sync: () => {
      calls.push('sync');
      return Promise.resolve();
    },
    close: () => Promise.resolve(),
  };
  return { calls, handle: handle as unknown as FileHandle, fail: (error: Error) => (failWith = error) };
}

describe('GroupCommitFile', () => {
  it('writes the appends of one turn together, in order, and acknowledges them after the fsync', async () => {
    const file = recordingFile();
    const group = new GroupCommitFile(file.handle);
    const acknowledged: string[] = [];
    const appends = ['a', 'b', 'c'].map((text) =>
      group.append(text).then(() => acknowledged.push(`${text} after ${file.calls.at(-1)}`)),
    );
    await Promise.all(appends);
    expect(file.calls).toEqual(['write "abc"', 'sync']);
    expect(acknowledged).toEqual(['a after sync', 'b after sync', 'c after sync']);
    await group.append('d');
    expect(file.calls).toEqual(['write "abc"', 'sync', 'write "d"', 'sync']);
  });

  it('fails every append of a failed write and every append after it, without writing again', async () => {
    const file = recordingFile();
    const group = new GroupCommitFile(file.handle);
    file.fail(new Error('ENOSPC: no space left on device'));
    const results = await Promise.allSettled([group.append('a'), group.append('b')]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    await expect(group.append('c')).rejects.toThrow('ENOSPC');
    expect(file.calls).toEqual(['write "ab"']);
  });

  it('fails the appends made while the failing write was in flight', async () => {
    const file = recordingFile();
    let failWrite: (error: Error) => void = () => undefined;
    file.handle.appendFile = () => new Promise((_, reject) => (failWrite = reject));
    const group = new GroupCommitFile(file.handle);
    const first = group.append('a');
    await new Promise((resolve) => setImmediate(resolve));
    const during = group.append('b');
    failWrite(new Error('EIO: i/o error'));
    await expect(first).rejects.toThrow('EIO');
    await expect(during).rejects.toThrow('EIO');
  });
});
