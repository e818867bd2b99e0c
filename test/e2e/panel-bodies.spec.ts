import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTeam, Team } from '../support/fixtures';
import { panelSignIn, streamPost } from '../support/panel-http';
import { RunningSystem, startSystem } from '../support/system';

/**
 * What the back office takes as a request body, through the built API over HTTP: AdminJS's form
 * parser runs for every /admin request, signed in or not, so the limits hold before sign-in too.
 * The API runs with small limits (64 KiB of fields, 1 MiB of files) and a temp folder of its own,
 * so that any file the parser leaves behind is seen.
 */
const FIELDS = 64 * 1024;
const UPLOAD = 1024 * 1024;
const MB = 1024 * 1024;

describe('bodies sent to the back office', () => {
  let system: RunningSystem;
  let team: Team;
  let tmp: string;
  let cookie: string;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'creatorops-panel-tmp-'));
    system = await startSystem({ env: { TMPDIR: tmp, PANEL_MAX_FIELDS_BYTES: String(FIELDS), PANEL_MAX_UPLOAD_BYTES: String(UPLOAD) } });
    team = await createTeam(system.database.db);
    cookie = await panelSignIn(system.baseUrl, team.talentManager.email, team.password);
  });

  afterAll(async () => {
    await system?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** Files formidable wrote (it names them upload_<hex>) and left in the API's temp folder. */
  const uploadsLeft = () => fs.readdirSync(tmp).filter((name) => name.startsWith('upload_'));
  const apiRss = () => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${system.pid('api')}/status`, 'utf8'))![1]) * 1024;

  async function noUploadsLeft(): Promise<string[]> {
    // formidable deletes a file it had begun once the cut-off request fails: give it its moment.
    for (let attempt = 0; attempt < 50 && uploadsLeft().length > 0; attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
    return uploadsLeft();
  }

  function multipart(boundary: string, fileBytes: number): { prefix: Buffer; suffix: Buffer; total: number } {
    const prefix = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\nUpload brand ${Date.now()}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="category"\r\n\r\nskincare\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="attachment"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n`,
    );
    const suffix = Buffer.from(`\r\n--${boundary}--\r\n`);
    return { prefix, suffix, total: prefix.length + fileBytes + suffix.length };
  }

  describe('before sign-in', () => {
    it('refuses a 300 MB upload to the login page with 415 before reading it, and leaves no file', async () => {
      const answer = await streamPost(system.baseUrl, '/admin/login', { headers: { 'content-type': 'application/octet-stream' }, total: 300 * MB, declareLength: true });
      expect(answer.status).toBe(415);
      expect(answer.sent).toBeLessThan(300 * MB);
      expect(uploadsLeft()).toEqual([]);
    });

    it('refuses JSON and multipart at the login page with 415: only the login form comes in', async () => {
      for (const type of ['application/json', 'multipart/form-data; boundary=x']) {
        const answer = await streamPost(system.baseUrl, '/admin/login', { headers: { 'content-type': type }, total: 1024, declareLength: true });
        expect({ type, status: answer.status }).toEqual({ type, status: 415 });
      }
    });

    it('refuses a login form declaring 300 MB with 413 while the client is still sending', async () => {
      const answer = await streamPost(system.baseUrl, '/admin/login', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, total: 300 * MB, declareLength: true });
      expect(answer.status).toBe(413);
      expect(answer.sent).toBeLessThan(300 * MB);
    });

    it('cuts off a login form streamed without Content-Length once it passes the limit, and the process does not grow with it', async () => {
      const before = apiRss();
      const answer = await streamPost(system.baseUrl, '/admin/login', {
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' },
        total: 150 * MB,
        prefix: Buffer.from('email=a%40b.c&password='),
      });
      expect(answer.status).toBe(413);
      expect(answer.sent).toBeLessThan(150 * MB);
      // formidable buffers a url-encoded body whole: uncut, 150 MB would be held (as a string, more).
      expect(apiRss() - before).toBeLessThan(64 * MB);
    });

    it('still signs in with the login form', async () => {
      await expect(panelSignIn(system.baseUrl, team.manager.email, team.password)).resolves.toMatch(/^creatorops\.sid=/);
    });
  });

  describe('signed in', () => {
    const newBrand = '/admin/api/resources/Brand/actions/new';

    it('refuses a body of an unknown type with 415', async () => {
      const answer = await streamPost(system.baseUrl, newBrand, { headers: { cookie, 'content-type': 'application/octet-stream' }, total: 300 * MB, declareLength: true });
      expect(answer.status).toBe(415);
      expect(answer.sent).toBeLessThan(300 * MB);
      expect(uploadsLeft()).toEqual([]);
    });

    it('refuses 150 MB of JSON with 413 before reading it', async () => {
      const answer = await streamPost(system.baseUrl, newBrand, { headers: { cookie, 'content-type': 'application/json' }, total: 150 * MB, declareLength: true });
      expect(answer.status).toBe(413);
      expect(answer.sent).toBeLessThan(150 * MB);
    });

    it('cuts off JSON streamed without Content-Length past the limit, without the process growing', async () => {
      const before = apiRss();
      const answer = await streamPost(system.baseUrl, newBrand, {
        headers: { cookie, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        total: 150 * MB,
        prefix: Buffer.from('{"name":"'),
      });
      expect(answer.status).toBe(413);
      expect(answer.sent).toBeLessThan(150 * MB);
      expect(apiRss() - before).toBeLessThan(64 * MB);
    });

    it('refuses an upload declaring more than the upload limit with 413, and writes no file', async () => {
      const body = multipart('b0undary', 300 * MB);
      const answer = await streamPost(system.baseUrl, newBrand, {
        headers: { cookie, 'content-type': 'multipart/form-data; boundary=b0undary' },
        total: body.total,
        declareLength: true,
        prefix: body.prefix,
        suffix: body.suffix,
      });
      expect(answer.status).toBe(413);
      expect(answer.sent).toBeLessThan(body.total);
      expect(uploadsLeft()).toEqual([]);
    });

    it('cuts off an upload streamed without Content-Length past the limit, and deletes the part it had written', async () => {
      const body = multipart('b0undary', 300 * MB);
      const answer = await streamPost(system.baseUrl, newBrand, {
        headers: { cookie, 'content-type': 'multipart/form-data; boundary=b0undary', 'transfer-encoding': 'chunked' },
        total: body.total,
        prefix: body.prefix,
        suffix: body.suffix,
      });
      expect(answer.status).toBe(413);
      expect(answer.sent).toBeLessThan(body.total);
      expect(await noUploadsLeft()).toEqual([]);
    });

    it('takes a form with a file within the limits, and deletes the file once answered', async () => {
      const body = multipart('b0undary', 100 * 1024);
      const answer = await streamPost(system.baseUrl, newBrand, {
        headers: { cookie, 'content-type': 'multipart/form-data; boundary=b0undary' },
        total: body.total,
        declareLength: true,
        prefix: body.prefix,
        suffix: body.suffix,
      });
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text).record.params).toMatchObject({ category: 'skincare' });
      expect(await noUploadsLeft()).toEqual([]);
    });
  });
});
