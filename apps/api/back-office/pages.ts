import { isRole, type Actor } from '../../../libs/domain/rules/roles';
import type { AdminJSOptions, CurrentAdmin } from './adminjs-types';
import { httpErrorMessage } from './http-errors';

/**
 * The panel's custom pages (AdminJS `pages`, listed under "Pages" in the sidebar), as data: a
 * feature folder's `*.panel.ts` describes its page, `apps/api/panel-pages.ts` lists them, and
 * mount.ts turns the list into AdminJS options here. Plain: no AdminJS at run time.
 *
 * AdminJS 7.8 has no access rule on a page (its options are component, handler and icon only):
 * every signed-in user sees every page, and each page's `load` decides what the viewer may read,
 * with the same services, and so the same reach rules, as the REST API.
 */

export interface PanelViewer extends Actor {
  name: string;
}

/** What a page's front end receives (`new ApiClient().getPage({ pageName, params })`). */
export interface PageData<T> {
  data: T;
  /** An HTTP status other than 200 (a refusal: the data then says why). */
  status?: number;
}

/** A download (the CSV of a table, a report's PDF): sent as an attachment instead of JSON. */
export interface PageFile {
  file: { filename: string; contentType: string; body: string | Buffer };
}

export interface PageLinks {
  /** The page's own address in the panel with a query ("/admin/pages/analytics?kind=…"). */
  page(name: string, query?: Record<string, string>): string;
  /** The address of the page's data: its handler, which `load` answers ("/admin/api/pages/analytics?…"). */
  data(name: string, query?: Record<string, string>): string;
  /** A record's show page. */
  record(resourceId: string, recordId: string): string;
}

export interface PanelPage {
  /** In the address (/admin/pages/<name>); a JavaScript identifier. */
  name: string;
  /** In the sidebar and as the page's title. */
  label: string;
  /** The front-end component (apps/api/panel-components.ts). */
  component: string;
  /** A Feather icon name. */
  icon?: string;
  /** The page's data for the viewer and the query the front end sent (strings only). */
  load(query: Readonly<Record<string, string>>, viewer: PanelViewer, links: PageLinks): Promise<PageData<unknown> | PageFile>;
  /** A change the page makes (a POST: the panel's cross-site check applies), with the form's fields (strings only). */
  act?(fields: Readonly<Record<string, string>>, viewer: PanelViewer, links: PageLinks): Promise<PageData<unknown>>;
}

/** A refusal a service raised (an HttpException), as the page shows it; null for anything else (a bug). */
export function refusalOf(error: unknown): { status: number; message: string } | null {
  const message = httpErrorMessage(error);
  if (message === null) return null;
  const status = (error as { getStatus: () => number }).getStatus();
  return { status, message };
}

/** The query's string values (a repeated parameter keeps its first value); anything else is dropped. */
export function plainQuery(query: unknown): Record<string, string> {
  const plain: Record<string, string> = {};
  if (!query || typeof query !== 'object') return plain;
  for (const [key, value] of Object.entries(query as Record<string, unknown>)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') plain[key] = first;
  }
  return plain;
}

export function viewerOf(currentAdmin: CurrentAdmin | undefined): PanelViewer | null {
  const id: unknown = currentAdmin?.id;
  const role: unknown = currentAdmin?.role;
  if (typeof id !== 'string' || !isRole(role)) return null;
  const name: unknown = (currentAdmin as { name?: unknown }).name;
  return { userId: id, role, name: typeof name === 'string' ? name : '' };
}

const search = (query?: Record<string, string>) => {
  const text = new URLSearchParams(query ?? {}).toString();
  return text ? `?${text}` : '';
};

export function pageLinks(rootPath: string): PageLinks {
  const root = rootPath.replace(/\/$/, '');
  return {
    page: (name, query) => `${root}/pages/${encodeURIComponent(name)}${search(query)}`,
    data: (name, query) => `${root}/api/pages/${encodeURIComponent(name)}${search(query)}`,
    record: (resourceId, recordId) => `${root}/resources/${encodeURIComponent(resourceId)}/records/${encodeURIComponent(recordId)}/show`,
  };
}

interface PageResponse {
  status(code: number): PageResponse;
  setHeader(name: string, value: string): unknown;
  send(body: string | Buffer): unknown;
}

/**
 * AdminJS's `pages` option and the sidebar labels of the pages. Each handler answers the page's
 * JSON, a refusal with its status and reason, or a file (a CSV) written to the response itself
 * (AdminJS's router sends nothing more when a handler returns nothing).
 */
export function toAdminPages(
  pages: readonly PanelPage[],
  rootPath: string,
  onError: (page: string, error: unknown) => void,
): { pages: NonNullable<AdminJSOptions['pages']>; labels: Record<string, string> } {
  const links = pageLinks(rootPath);
  const options: NonNullable<AdminJSOptions['pages']> = {};
  for (const page of pages) {
    options[page.name] = {
      component: page.component,
      ...(page.icon ? { icon: page.icon } : {}),
      handler: async (request: { query?: unknown; method?: string; payload?: unknown }, response: PageResponse, context: { currentAdmin?: CurrentAdmin }) => {
        const viewer = viewerOf(context.currentAdmin);
        if (!viewer) {
          response.status(401);
          return { error: 'Sign in again to see this page.' };
        }
        try {
          if (request.method === 'post') {
            if (!page.act) {
              response.status(405);
              return { error: `The ${page.label} page changes nothing` };
            }
            const acted = await page.act(plainQuery(request.payload), viewer, links);
            if (acted.status) response.status(acted.status);
            return acted.data;
          }
          const answer = await page.load(plainQuery(request.query), viewer, links);
          if ('file' in answer) {
            const { filename, contentType, body } = answer.file;
            response.setHeader('Content-Type', contentType);
            response.setHeader('Content-Disposition', `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]+/g, '-')}"`);
            response.status(200).send(body);
            return undefined;
          }
          if (answer.status) response.status(answer.status);
          return answer.data;
        } catch (error) {
          const refusal = refusalOf(error);
          if (refusal) {
            response.status(refusal.status);
            return { error: refusal.message };
          }
          onError(page.name, error);
          response.status(500);
          return { error: `The ${page.label} page could not be loaded; the error is in the server's log.` };
        }
      },
    };
  }
  return { pages: options, labels: Object.fromEntries(pages.map((page) => [page.name, page.label])) };
}
