import type { Pool } from 'pg';
import type { Clock } from '../../clock';
import type { PolicyIssue } from '../../shared/policy-issue';
import { AUDIT_COLUMNS, AuditEventType, auditPlaceholders, auditValues } from '../audit/audit.service';
import { checkRegistrationNumber } from './registration-number';

/** A carrier as integrators set it: its code, display names and issuer details. */
export interface CarrierInput {
  code: string;
  nameJa: string;
  nameEn: string;
  legalName: string;
  registrationNumber: string;
}

export interface CarrierRow {
  id: number;
  code: string;
  name_ja: string;
  name_en: string;
  legal_name: string;
  registration_number: string | null;
}

export type CarrierUpsertOutcome =
  | { kind: 'written'; carrier: CarrierRow; created: boolean; changed: boolean }
  | { kind: 'invalid'; issues: PolicyIssue[] };

const CODE = /^[A-Z][A-Z0-9_]{1,31}$/;
const MAX_NAME = 100;
const MAX_LEGAL_NAME = 200;
const COLUMNS = 'id, code, name_ja, name_en, legal_name, registration_number';

/**
 * Every failing rule at once, under the input's field names; the normalised carrier when there is
 * none. Codes are as integrators name carriers in statements (upper case, NFKC, trimmed); names are
 * kept as written (trimmed).
 */
export function validateCarrier(
  input: CarrierInput,
): { ok: true; carrier: CarrierInput } | { ok: false; issues: PolicyIssue[] } {
  const issues: PolicyIssue[] = [];
  const code = (input.code ?? '').normalize('NFKC').trim().toUpperCase();
  if (!code) issues.push({ field: 'code', code: 'REQUIRED' });
  else if (!CODE.test(code)) issues.push({ field: 'code', code: 'CARRIER_CODE_INVALID' });
  const text = (field: 'nameJa' | 'nameEn' | 'legalName', max: number) => {
    const value = (input[field] ?? '').trim();
    if (!value) issues.push({ field, code: 'REQUIRED' });
    else if (value.length > max) issues.push({ field, code: 'CARRIER_NAME_TOO_LONG' });
    return value;
  };
  const nameJa = text('nameJa', MAX_NAME);
  const nameEn = text('nameEn', MAX_NAME);
  const legalName = text('legalName', MAX_LEGAL_NAME);
  let registrationNumber = '';
  if (!(input.registrationNumber ?? '').trim()) {
    issues.push({ field: 'registrationNumber', code: 'REQUIRED' });
  } else {
    const checked = checkRegistrationNumber(input.registrationNumber);
    if (checked.ok) registrationNumber = checked.value;
    else issues.push({ field: 'registrationNumber', code: checked.issue });
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, carrier: { code, nameJa, nameEn, legalName, registrationNumber } };
}

const same = (row: CarrierRow, c: CarrierInput) =>
  row.name_ja === c.nameJa &&
  row.name_en === c.nameEn &&
  row.legal_name === c.legalName &&
  row.registration_number === c.registrationNumber;

/**
 * Carrier reference data (the one writer of `carrier`): integrators add carriers and set their issuer
 * details. A carrier is one qualified-invoice issuer, so a registration number belongs to one carrier.
 */
export class CarrierRegistry {
  constructor(
    private readonly pool: Pool,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<CarrierRow[]> {
    return (await this.pool.query<CarrierRow>(`SELECT ${COLUMNS} FROM carrier ORDER BY id`)).rows;
  }

  /**
   * Creates the carrier or replaces its names and issuer details, in one transaction with its audit
   * line; the same values again change nothing. The row is locked first, so concurrent upserts of one
   * carrier apply one after another; the id sequence is used only for a new code.
   */
  async upsert(input: CarrierInput, actor: { apiKeyId: string | null }): Promise<CarrierUpsertOutcome> {
    const checked = validateCarrier(input);
    if (!checked.ok) return { kind: 'invalid', issues: checked.issues };
    const c = checked.carrier;
    const values = [c.code, c.nameJa, c.nameEn, c.legalName, c.registrationNumber];
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const {
        rows: [existing],
      } = await client.query<CarrierRow>(`SELECT ${COLUMNS} FROM carrier WHERE code = $1 FOR UPDATE`, [
        c.code,
      ]);
      if (existing && same(existing, c)) {
        await client.query('ROLLBACK');
        return { kind: 'written', carrier: existing, created: false, changed: false };
      }
      // A new code races other upserts of it: the loser of the insert updates (or finds) the winner's row.
      const {
        rows: [written],
      } = await client.query<CarrierRow & { created: boolean }>(
        existing
          ? `UPDATE carrier SET name_ja = $2, name_en = $3, legal_name = $4, registration_number = $5
              WHERE code = $1 RETURNING ${COLUMNS}, false AS created`
          : `INSERT INTO carrier (code, name_ja, name_en, legal_name, registration_number) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (code) DO UPDATE
               SET name_ja = EXCLUDED.name_ja, name_en = EXCLUDED.name_en, legal_name = EXCLUDED.legal_name,
                   registration_number = EXCLUDED.registration_number
               WHERE (carrier.name_ja, carrier.name_en, carrier.legal_name, carrier.registration_number)
                     IS DISTINCT FROM (EXCLUDED.name_ja, EXCLUDED.name_en, EXCLUDED.legal_name,
                                       EXCLUDED.registration_number)
             RETURNING ${COLUMNS}, (xmax = 0) AS created`,
        values,
      );
      if (!written) {
        const {
          rows: [found],
        } = await client.query<CarrierRow>(`SELECT ${COLUMNS} FROM carrier WHERE code = $1`, [c.code]);
        await client.query('ROLLBACK');
        return { kind: 'written', carrier: found, created: false, changed: false };
      }
      const { created, ...carrier } = written;
      await client.query(
        `INSERT INTO audit_event (${AUDIT_COLUMNS}) VALUES (${auditPlaceholders(1)})`,
        auditValues(
          {
            event: AuditEventType.CARRIER_UPSERTED,
            outcome: 'SUCCESS',
            apiKeyId: actor.apiKeyId,
            // Without a key, the operations command line did it.
            detail: {
              code: c.code,
              created,
              registrationNumber: c.registrationNumber,
              via: actor.apiKeyId ? 'api' : 'cli',
            },
          },
          this.clock.now(),
        ),
      );
      await client.query('COMMIT');
      return { kind: 'written', carrier, created, changed: true };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      if ((error as { constraint?: string }).constraint === 'carrier_registration_number_key')
        return {
          kind: 'invalid',
          issues: [{ field: 'registrationNumber', code: 'REGISTRATION_NUMBER_TAKEN' }],
        };
      throw error;
    } finally {
      client.release();
    }
  }
}
