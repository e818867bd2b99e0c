import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseDuration } from '../../libs/domain/rules/duration';
import { DEFAULT_SLA_POLICY, SLA_POLICY_KEYS } from '../../libs/domain/rules/sla';

/** The README's table of SLA names (issue 11, item 23): every name a campaign's slaOverrides accepts, with its default. */
function readmeSlaTable(): Record<string, string> {
  const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
  const section = readme.split('#### SLA names')[1]?.split(/\n#{2,4} /)[0] ?? '';
  const rows = [...section.matchAll(/^\| `(\w+)` \| `([^`]+)` \|/gm)];
  return Object.fromEntries(rows.map(([, name, fallback]) => [name, fallback]));
}

describe('the README walkthrough', () => {
  it('lists every SLA name the code accepts, and no other', () => {
    expect(Object.keys(readmeSlaTable()).sort()).toEqual([...SLA_POLICY_KEYS].sort());
  });

  it("gives each SLA the code's own default", () => {
    const table = readmeSlaTable();
    for (const key of SLA_POLICY_KEYS) expect({ key, ms: parseDuration(table[key]) }).toEqual({ key, ms: DEFAULT_SLA_POLICY[key] });
  });
});
