import type { Program } from '../program.ts';

/** The simulated hosts' root password for su (training only). */
export const SIM_ROOT_PASSWORD = 'su-training';

/**
 * `su [-] [root [-c command]]`, as the app uses it on a server whose root cannot log in. The prompt,
 * echo off while the password is read, "su: Sorry" for a wrong one and the message of the day for a
 * login shell (`-`) stand for Solaris's su and /etc/profile; the exact words are the simulator's own.
 */
export const su: Program = async (context) => {
  const { args, io } = context;
  let next = 0;
  const login = args[next] === '-';
  if (login) next++;
  const user = args[next] ?? 'root';
  if (user !== 'root') {
    io.writeError(`su: Unknown id: ${user}\n`);
    return 1;
  }
  const command = args[next + 1] === '-c' ? (args[next + 2] ?? '') : null;
  io.setEcho(false);
  io.write('Password:');
  const typed = await io.readLine();
  io.setEcho(true);
  io.write('\n');
  if (typed !== SIM_ROOT_PASSWORD) {
    await context.delay(200);
    io.writeError('su: Sorry\n');
    return 1;
  }
  const host = (await context.store.read()).hosts[context.host];
  if (login) io.write(`Sun Microsystems Inc.   SunOS ${host.solarisRelease}      Generic\n`);
  // Loaded when used: the shell knows every program, su among them.
  const { runCommandLine, runInteractiveShell } = await import('../simShell.ts');
  return command === null ? runInteractiveShell(context, host.hostname) : runCommandLine(command, context);
};
