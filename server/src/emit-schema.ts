import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createSchema } from './schema';

/** Prints the schema TypeGraphQL builds; `npm run schema` writes it, `--check` fails when it is stale. */
export async function printedSchema(): Promise<string> {
  const schema = await createSchema(null);
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

if (require.main === module) {
  void (async () => {
    const target = path.resolve(__dirname, '../../../schema.graphql');
    const printed = await printedSchema();
    if (process.argv.includes('--check')) {
      const { readFileSync } = await import('node:fs');
      if (readFileSync(target, 'utf8') !== printed) {
        console.error('schema.graphql is stale: run `npm run build:server && npm run schema` and commit it.');
        process.exit(1);
      }
      console.log('schema.graphql is up to date');
      return;
    }
    writeFileSync(target, printed);
    console.log(`wrote ${target}`);
  })();
}
