import type { Program } from '../program.ts';

export const uname: Program = async ({ args, io, store, host }) => {
  const h = (await store.read()).hosts[host];
  const flags = args.join('');
  if (flags === '' || flags === '-s') io.write('SunOS\n');
  else if (flags === '-a')
    io.write(`SunOS ${h.hostname} ${h.solarisRelease} ${h.kernelVersion} sun4u sparc ${h.platform}\n`);
  else if (flags === '-r') io.write(`${h.solarisRelease}\n`);
  else if (flags === '-n') io.write(`${h.hostname}\n`);
  else if (flags === '-i') io.write(`${h.platform}\n`);
  else if (flags === '-v') io.write(`${h.kernelVersion}\n`);
  else {
    io.writeError(`uname: illegal option -- ${flags.replace(/^-/, '')}\nusage: uname [-aimnprsvX]\n`);
    return 2;
  }
  return 0;
};

export const hostname: Program = async ({ io, store, host }) => {
  io.write(`${(await store.read()).hosts[host].hostname}\n`);
  return 0;
};

/** `pkginfo -l cms` / `pkginfo -x cms` / `pkginfo cms`, as Solaris prints them for the CMS package. */
export const pkginfo: Program = async ({ args, io, store, host }) => {
  const h = (await store.read()).hosts[host];
  const packages = args.filter((arg) => !arg.startsWith('-'));
  if (packages.some((name) => name !== 'cms')) {
    io.writeError(`ERROR: information for "${packages.find((name) => name !== 'cms')}" was not found\n`);
    return 1;
  }
  if (args.includes('-l')) {
    io.write(
      [
        '   PKGINST:  cms',
        '      NAME:  Avaya Call Management System',
        '  CATEGORY:  application',
        '      ARCH:  sparc',
        `   VERSION:  ${h.cmsVersion}`,
        '   BASEDIR:  /',
        '    VENDOR:  Avaya Inc.',
        '    STATUS:  completely installed',
        '',
      ].join('\n'),
    );
  } else if (args.includes('-x')) {
    io.write(`cms             Avaya Call Management System\n                (sparc) ${h.cmsVersion}\n`);
  } else {
    io.write('application cms            Avaya Call Management System\n');
  }
  return 0;
};

export const cat: Program = async ({ args, io, store, host }) => {
  const files = (await store.read()).hosts[host].files;
  let status = 0;
  for (const file of args) {
    const text = files[file];
    if (text === undefined) {
      io.writeError(`cat: cannot open ${file}\n`);
      status = 2;
    } else io.write(text);
  }
  return status;
};

/**
 * `showrev -p` in showrev(1M)'s public line format. The patches themselves are invented for the
 * simulated pair (their numbers only look like Solaris 8 and 9 kernel and libc patches).
 */
export const showrev: Program = async ({ args, io, store, host }) => {
  if (args.join(' ') !== '-p') {
    io.writeError('usage: showrev [-a] [-p] [-w] [-c command] [-s host]\n');
    return 1;
  }
  const patches = (await store.read()).hosts[host].patches ?? [];
  io.write(
    patches.length === 0
      ? 'No patches are installed\n'
      : patches
          .map(
            (patch) => `Patch: ${patch} Obsoletes:  Requires:  Incompatibles:  Packages: SUNWcsu, SUNWcsr\n`,
          )
          .join(''),
  );
  return 0;
};

/** `locale` as POSIX prints it: LANG as set, each category implied from it (quoted), LC_ALL empty. */
export const locale: Program = async ({ io, store, host }) => {
  const lang = (await store.read()).hosts[host].locale ?? 'C';
  const categories = ['LC_CTYPE', 'LC_NUMERIC', 'LC_TIME', 'LC_COLLATE', 'LC_MONETARY', 'LC_MESSAGES'];
  io.write(`LANG=${lang}\n${categories.map((name) => `${name}="${lang}"\n`).join('')}LC_ALL=\n`);
  return 0;
};

export const sleep: Program = async ({ args, io, delay }) => {
  const seconds = Number(args[0]);
  if (!Number.isFinite(seconds) || seconds < 0) {
    io.writeError('usage: sleep time\n');
    return 2;
  }
  await delay(seconds * 1000);
  return 0;
};

/** `date` and `date +FORMAT` (%Y %m %d %H %M %S %y); the simulated servers keep UTC. */
export const date: Program = async ({ args, io, now }) => {
  const time = now();
  const two = (n: number) => String(n).padStart(2, '0');
  const fields: Record<string, string> = {
    Y: String(time.getUTCFullYear()),
    y: two(time.getUTCFullYear() % 100),
    m: two(time.getUTCMonth() + 1),
    d: two(time.getUTCDate()),
    H: two(time.getUTCHours()),
    M: two(time.getUTCMinutes()),
    S: two(time.getUTCSeconds()),
  };
  const format = args[0]?.startsWith('+') ? args.join(' ').slice(1) : null;
  io.write(
    `${format === null ? time.toUTCString() : format.replace(/%([YymdHMS%])/g, (_, f: string) => (f === '%' ? '%' : fields[f]!))}\n`,
  );
  return 0;
};
