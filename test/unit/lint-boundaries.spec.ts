import * as path from 'node:path';
import { ESLint } from 'eslint';

/**
 * The import boundaries of eslint.config.js (docs/architecture.md): lints small snippets as if
 * they were files at the given paths (nothing is written), with the project's own configuration.
 */

const repoRoot = path.resolve(__dirname, '../..');
const RULE = '@typescript-eslint/no-restricted-imports';

let eslint: ESLint;

beforeAll(() => {
  // The configuration is handed over as an object: ESLint loads eslint.config.js with a dynamic
  // import(), which Jest's module sandbox refuses without --experimental-vm-modules.
  const config: ESLint.Options['overrideConfig'] = require('../../eslint.config.js');
  eslint = new ESLint({ cwd: repoRoot, overrideConfigFile: true, overrideConfig: config });
});

/** The boundary findings for `code` linted as the file `filePath` (relative to the repository). */
async function refusals(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: path.join(repoRoot, filePath) });
  const fatal = result.messages.filter((message) => message.fatal);
  expect(fatal).toEqual([]);
  return result.messages.filter((message) => message.ruleId === RULE).map((message) => message.message);
}

describe('workflows import only deterministic code', () => {
  const workflow = 'workflows/stages/bad.ts';

  it('refuses an activity implementation', async () => {
    const found = await refusals(workflow, "import { ContractActivities } from '../../activities/contract.activities';\nvoid ContractActivities;");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/import type/);
  });

  it('accepts activity types through import type', async () => {
    expect(await refusals(workflow, "import type { ContractActivities } from '../../activities/contract.activities';\nexport type A = ContractActivities;")).toEqual([]);
    expect(await refusals('workflows/bad.ts', "import type { BookingActivityFunctions } from '../activities';\nexport type A = BookingActivityFunctions;")).toEqual([]);
  });

  it('refuses typeorm, Nest, the Temporal client, worker and activity packages, and Node built-ins', async () => {
    for (const pkg of ['typeorm', '@nestjs/common', '@temporalio/client', '@temporalio/worker', '@temporalio/activity', 'node:fs', 'crypto']) {
      const found = await refusals(workflow, `import * as m from '${pkg}';\nvoid m;`);
      expect({ pkg, found }).toEqual({ pkg, found: [expect.stringMatching(/deterministic/)] });
    }
  });

  it('accepts @temporalio/workflow, @temporalio/common and workflows/ itself', async () => {
    const code = [
      "import { proxyActivities } from '@temporalio/workflow';",
      "import { defineSearchAttributeKey } from '@temporalio/common';",
      "import { activities } from '../booking';",
      "import { decide } from './decisions';",
      'void [proxyActivities, defineSearchAttributeKey, activities, decide];',
    ].join('\n');
    expect(await refusals(workflow, code)).toEqual([]);
  });

  it('accepts the pure modules of libs/ at any depth', async () => {
    expect(await refusals('workflows/bad.ts', "import { marginBps } from '../libs/domain/rules/margin';\nvoid marginBps;")).toEqual([]);
    expect(await refusals(workflow, "import { marginBps } from '../../libs/domain/rules/margin';\nvoid marginBps;")).toEqual([]);
    expect(await refusals(workflow, "import { collaborationWorkflowId } from '../../libs/temporal/workflow-ids';\nvoid collaborationWorkflowId;")).toEqual([]);
    expect(await refusals(workflow, "import { StageKey } from '../../libs/temporal/search-attribute-keys';\nvoid StageKey;")).toEqual([]);
  });

  it('refuses the rest of libs/ and apps/, however the path is written', async () => {
    for (const source of [
      '../../libs/db/audit',
      '../../libs/domain/entities',
      '../../libs/temporal/search-attributes',
      '../../apps/api/main',
      '../../libs/domain/rules/../../db/audit',
      './../../libs/db/audit',
    ]) {
      expect({ source, found: await refusals(workflow, `import * as m from '${source}';\nvoid m;`) }).toEqual({ source, found: [expect.any(String)] });
    }
  });

  it('refuses a dynamic import', async () => {
    const [result] = await eslint.lintText("export const load = () => import('../booking');\n", { filePath: path.join(repoRoot, workflow) });
    expect(result.messages.map((message) => message.ruleId)).toEqual(['no-restricted-syntax']);
  });
});

describe('libs/domain/rules imports nothing outside itself', () => {
  const rule = 'libs/domain/rules/bad.ts';

  it('refuses packages and climbing out', async () => {
    for (const source of ['typeorm', 'node:crypto', '../../db/audit', '../entities', '..']) {
      expect({ source, found: await refusals(rule, `import * as m from '${source}';\nvoid m;`) }).toEqual({ source, found: [expect.stringMatching(/pure business rules/)] });
    }
  });

  it('accepts its own modules', async () => {
    expect(await refusals(rule, "import { Money } from './money';\nexport type M = Money;")).toEqual([]);
  });
});

describe('libs/ never imports apps/ or workflows/', () => {
  it('refuses apps/ at any depth', async () => {
    expect(await refusals('libs/db/bad.ts', "import { UsersService } from '../../apps/api/auth/users.service';\nvoid UsersService;")).toEqual([expect.stringMatching(/never imports apps/)]);
    expect(await refusals('libs/db/migrations/bad.ts', "import * as m from '../../../apps/worker/main';\nvoid m;")).toEqual([expect.stringMatching(/never imports apps/)]);
  });

  it('refuses workflows/, and the pure modules workflows import stay on @temporalio/common', async () => {
    expect(await refusals('libs/temporal/bad.ts', "import { StageKey } from '../../workflows/search-attributes';\nvoid StageKey;")).toEqual([expect.stringMatching(/never imports workflows/)]);
    expect(await refusals('libs/temporal/search-attribute-keys.ts', "import { x } from '@temporalio/workflow';\nvoid x;")).toHaveLength(1);
  });

  it('accepts the rest', async () => {
    expect(await refusals('libs/db/bad.ts', "import { DataSource } from 'typeorm';\nimport { Creator } from '../domain/entities';\nvoid [DataSource, Creator];")).toEqual([]);
  });
});
