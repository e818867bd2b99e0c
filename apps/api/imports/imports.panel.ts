import { Import } from '../../../libs/domain/entities';
import { ImportKind, ImportOutcome } from '../../../libs/domain/rules/import-rows';
import { choices } from '../back-office/properties';
import { NAVIGATION, type PanelResource, type SpecDependencies } from '../back-office/resource-spec';
import { importUploadAction, type ImportUploadPort } from './import-upload.action';

/**
 * Every import attempted (docs/imports.md): who, which file, how it ended, the counts.
 * Read-only: rows are written only by the imports themselves (stored or refused), each with
 * its audit-log entry. "Upload a file" is the panel's way in, with a preview (import-upload.action.ts).
 */
export function importPanel(deps: SpecDependencies & { imports: ImportUploadPort }): PanelResource {
  return {
    entity: Import,
    id: 'Import',
    label: 'Imports',
    navigation: NAVIGATION.administration,
    list: ['createdAt', 'kind', 'format', 'fileName', 'outcome', 'imported', 'replaced', 'rejectedCount', 'actorId'],
    show: ['id', 'createdAt', 'kind', 'format', 'fileName', 'actorId', 'outcome', 'partial', 'imported', 'replaced', 'rejectedCount'],
    filter: ['createdAt', 'kind', 'format', 'outcome', 'actorId'],
    titleProperty: 'fileName',
    sort: { sortBy: 'createdAt', direction: 'desc' },
    properties: {
      kind: choices(Object.values(ImportKind)),
      outcome: choices(Object.values(ImportOutcome)),
      actorId: { reference: 'User' },
    },
    propertyLabels: {
      createdAt: 'At',
      fileName: 'File',
      actorId: 'Imported by',
      imported: 'New',
      replaced: 'Replaced',
      rejectedCount: 'Bad rows',
      partial: 'Good rows only',
    },
    actions: { upload: importUploadAction(deps.imports, deps.logger) },
    actionLabels: { upload: 'Upload a file' },
  };
}
