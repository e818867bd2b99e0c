/**
 * AdminJS types for the plain modules of the back office. Type-only: erased from the
 * JavaScript, so importing this never loads AdminJS (ESM) into the CommonJS app or into Jest.
 * The runtime import lives in adminjs.ts alone.
 */
export type {
  Action,
  ActionContext,
  ActionRequest,
  ActionResponse,
  After,
  AdminJSOptions,
  Before,
  CurrentAdmin,
  IsFunction,
  PropertyOptions,
  RecordActionResponse,
  RecordJSON,
  ResourceOptions,
  ResourceWithOptions,
} from 'adminjs' with { 'resolution-mode': 'import' };
