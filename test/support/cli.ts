import { Command } from 'commander';
import {
  type CliIo,
  registerIntegrationCommands,
} from '../../server/src/modules/integrations/integrations.cli';
import type { Services } from '../../server/src/services';

/** The integrators' commands (`web-billing api-key|carrier|…`) run in-process on the test app's services. */
export async function runIntegrationCli(
  services: Services,
  args: string[],
): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const out: string[] = [];
  const err: string[] = [];
  let exitCode = 0;
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    setExitCode: (code) => {
      exitCode = code;
    },
  };
  const program = new Command().exitOverride();
  registerIntegrationCommands(program, (work) => work(services), io);
  await program.parseAsync(['node', 'cli', ...args]);
  return { stdout: out.join('\n'), stderr: err.join('\n'), exitCode };
}
