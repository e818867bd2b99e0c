import type { DataSource } from 'typeorm';

/**
 * A manager's team: themselves and everyone below them in the team tree. UNION (not UNION ALL)
 * stops at users already found, so a cycle in the tree cannot loop. The same query as the
 * API's UsersService.teamOf, for code that runs without the API (activities, reports).
 */
export async function teamOf(db: DataSource, managerId: string): Promise<string[]> {
  const members: Array<{ id: string }> = await db.query(
    `WITH RECURSIVE team("id") AS (
       SELECT "id" FROM "users" WHERE "managerId" = $1
       UNION
       SELECT u."id" FROM "users" u JOIN team ON u."managerId" = team."id"
     )
     SELECT "id" FROM team WHERE "id" <> $1 ORDER BY "id"`,
    [managerId],
  );
  return [managerId, ...members.map((row) => row.id)];
}
