import * as fs from 'node:fs';
import { ImportOutcome } from '../../../libs/domain/rules/import-rows';
import type { Action, ActionRequest, ActionResponse } from '../back-office/adminjs-types';
import { hasRole } from '../back-office/access';
import { httpErrorMessage } from '../back-office/http-errors';
import { actorOf, type Logger } from '../back-office/resource-spec';
import { Role } from '../../../libs/domain/rules/roles';
import { CREATOR_SALES_FORMATS, type CreatorSalesFormat, type CreatorSalesImport } from './creator-sales.import';
import { IMPORT_UPLOAD_COMPONENT, type ImportUploadAnswer } from './import-upload.component';
import type { PostPerformanceImport } from './post-performance.import';

export interface ImportUploadPort {
  creatorSales: Pick<CreatorSalesImport, 'run'>;
  postPerformance: Pick<PostPerformanceImport, 'run'>;
}

/** A file as express-formidable hands it over. */
interface UploadedFile {
  path?: string;
  filepath?: string;
  name?: string;
  originalFilename?: string;
}

const formatOf = (value: unknown): CreatorSalesFormat => ((CREATOR_SALES_FORMATS as readonly unknown[]).includes(value) ? (value as CreatorSalesFormat) : CREATOR_SALES_FORMATS[0]);

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/**
 * "Upload a file" on Imports: the same imports as POST /imports/* (streamed, checked,
 * all-or-nothing unless "good rows only", audited), from a file chosen in the panel. "Preview"
 * reads and checks it and stores nothing; "Import" stores it.
 */
export function importUploadAction(port: ImportUploadPort, logger: Logger): Partial<Action<ActionResponse>> {
  // Who may import (docs/imports.md): the people who own creators; finance does not.
  const mayImport = hasRole(Role.TalentManager, Role.Manager, Role.Admin);
  return {
    actionType: 'resource',
    icon: 'Upload',
    component: IMPORT_UPLOAD_COMPONENT,
    showInDrawer: false,
    isAccessible: mayImport,
    isVisible: mayImport,
    handler: async (request: ActionRequest, _response: unknown, context) => {
      if (request.method !== 'post') return { upload: { kinds: ['creator-sales', 'post-performance'] } } as unknown as ActionResponse;
      const actor = actorOf(context);
      const payload = (request.payload ?? {}) as Record<string, unknown>;
      const file = payload.file as UploadedFile | undefined;
      const filePath = file?.path ?? file?.filepath;
      const answer = (body: ImportUploadAnswer) => ({ upload: body }) as unknown as ActionResponse;
      const refusal = (message: string) => answer({ mode: 'preview', outcome: 'refused', imported: 0, replaced: 0, rejectedCount: 0, rejected: [], message });
      if (!actor) return refusal('Your session has no valid role; sign in again');
      if (!filePath) return refusal('Choose a CSV file first');
      const mode = payload.mode === 'import' ? 'import' : 'preview';
      const kind = payload.kind === 'post-performance' ? 'post-performance' : 'creator-sales';
      try {
        const input = fs.createReadStream(filePath);
        const common = { actor, partial: payload.partial === true || payload.partial === 'true', dryRun: mode === 'preview', fileName: file?.name ?? file?.originalFilename ?? null };
        const result =
          kind === 'post-performance'
            ? await port.postPerformance.run(input, common)
            : await port.creatorSales.run(input, { ...common, format: formatOf(payload.format), brand: text(payload.brand), currency: text(payload.currency) });
        const base = { imported: result.answer.imported, replaced: result.answer.replaced, rejectedCount: result.answer.rejectedCount, rejected: result.answer.rejected.slice(0, 200) };
        if (result.outcome === 'preview') return answer({ mode, outcome: 'preview', ...base, rows: result.answer.rows, preview: result.answer.preview });
        return answer({ mode, outcome: result.outcome === ImportOutcome.Refused ? 'refused' : result.outcome, ...base });
      } catch (error) {
        const message = httpErrorMessage(error);
        if (message === null) logger.error(`import upload failed: ${(error as Error)?.message ?? error}`, (error as Error)?.stack);
        return refusal(message ?? 'The file could not be imported because of an unexpected error; try again');
      } finally {
        fs.rm(filePath, { force: true }, () => undefined);
      }
    },
  };
}
