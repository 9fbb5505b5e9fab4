import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { Role } from '../../graphql/roles';
import type { AuditLogService } from './audit-log.service';
import { AuditFilter, AuditPage } from './dtos/audit-entry.types';
import { clampFirst, cursorArg } from './postcards.resolver';

@Resolver()
export class AuditLogResolver {
  constructor(private readonly auditLog: AuditLogService) {}

  @Authorized(Role.OPERATOR)
  @Query(() => AuditPage, { description: 'The security audit log, newest first, filtered.' })
  auditEvents(
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => AuditFilter, { nullable: true }) filter?: AuditFilter | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first = 50,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<AuditPage> {
    return this.auditLog.page(filter ?? {}, clampFirst(first), cursorArg(after, ctx));
  }
}
