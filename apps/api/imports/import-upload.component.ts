import type { PanelComponent } from '../back-office/components';

/** The panel's upload page for imports (import-upload.tsx), a resource action of Imports. */
export const IMPORT_UPLOAD_COMPONENT = 'CreatorOpsImportUpload';

export const IMPORT_UPLOAD: PanelComponent = { name: IMPORT_UPLOAD_COMPONENT, source: 'apps/api/imports/import-upload.tsx' };

/** What the upload action answers: a preview (nothing stored) or the import's outcome, with the bad rows. */
export interface ImportUploadAnswer {
  mode: 'preview' | 'import';
  outcome: string;
  imported: number;
  replaced: number;
  rejectedCount: number;
  rejected: { line: number; column: string | null; message: string }[];
  /** Preview only: how many rows were read, and the first of them as they would be stored. */
  rows?: number;
  preview?: Record<string, unknown>[];
  message?: string;
}
