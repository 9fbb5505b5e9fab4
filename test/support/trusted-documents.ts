import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** Our clients' trusted documents, id → text (the manifest codegen writes). */
export const manifest: Record<string, string> = JSON.parse(
  readFileSync(path.join(ROOT, 'client/src/gql/persisted-documents.json'), 'utf8'),
);

/** The trusted id of one of our clients' operations, by its name. */
export function idOf(name: string): string {
  const found = Object.keys(manifest).find((id) =>
    new RegExp(`(query|mutation) ${name}\\b`).test(manifest[id]),
  );
  if (!found) throw new Error(`no operation ${name} in the manifests`);
  return found;
}
