import { type Command, InvalidArgumentError } from 'commander';
import type { OperatorRole } from '../../graphql/roles';
import {
  generateOperatorPassword,
  OperatorAccountError,
  type OperatorAuthService,
} from './operator-auth.service';

/** The CLI passes its whole set of services (cli.ts); these commands use this one. */
type WithServices = <T>(work: (services: { operatorAuth: OperatorAuthService }) => Promise<T>) => Promise<T>;

const role = (value: string): OperatorRole => {
  const upper = value.trim().toUpperCase();
  if (upper !== 'OPERATOR' && upper !== 'ADMIN') throw new InvalidArgumentError('operator or admin');
  return upper;
};

/** `operator create`: call-centre accounts are made from the command line, by whoever runs the servers. */
export function registerOperatorCommands(program: Command, withServices: WithServices): void {
  const operator = program.command('operator').description('call-centre operator accounts');
  operator
    .command('create')
    .description('create an operator account (prints a generated password once when none is given)')
    .requiredOption('--login-id <id>', '3–31 letters, digits, dots, dashes or underscores')
    .requiredOption('--name <name>', 'display name')
    .option('--role <role>', 'operator or admin', role, 'OPERATOR' as OperatorRole)
    .option('--password <password>', 'initial password (else one is generated and printed once)')
    .action((opts: { loginId: string; name: string; role: OperatorRole; password?: string }) =>
      withServices(async (services) => {
        const password = opts.password ?? generateOperatorPassword(opts.loginId);
        try {
          const created = await services.operatorAuth.create({
            loginId: opts.loginId,
            displayName: opts.name,
            role: opts.role,
            password,
          });
          console.log(`operator ${created.loginId} (${created.role}) created, id ${created.id}`);
          // Printed only when generated: a password the caller typed is already known to them.
          if (!opts.password) console.log(`password: ${password}\n(shown once: store it now)`);
        } catch (error) {
          if (!(error instanceof OperatorAccountError)) throw error;
          console.error(`error: --${error.field}: ${error.message}`);
          process.exitCode = 1;
        }
      }),
    );
}
