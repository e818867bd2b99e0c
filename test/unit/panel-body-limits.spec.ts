import { bodyDecision, type BodyRequest } from '../../apps/api/back-office/body-limits';

const limits = { maxFieldsBytes: 1000, maxUploadBytes: 50_000 };
const post = (overrides: Partial<BodyRequest>): BodyRequest => ({
  method: 'POST',
  contentType: 'application/x-www-form-urlencoded',
  contentLength: '100',
  transferEncoding: undefined,
  signedIn: false,
  ...overrides,
});

describe('bodies the back office accepts', () => {
  it('lets requests without a body through whatever their type', () => {
    expect(bodyDecision(post({ contentType: 'application/octet-stream', contentLength: undefined }), limits)).toEqual({ limit: null });
    expect(bodyDecision(post({ contentType: undefined, contentLength: '0' }), limits)).toEqual({ limit: null });
  });

  it('takes only the login form before sign-in, up to the fields limit', () => {
    expect(bodyDecision(post({}), limits)).toEqual({ limit: 1000 });
    expect(bodyDecision(post({ contentLength: '1001' }), limits)).toMatchObject({ refuse: 413 });
    for (const contentType of ['application/json', 'multipart/form-data; boundary=x', 'application/octet-stream', undefined]) {
      expect(bodyDecision(post({ contentType }), limits)).toMatchObject({ refuse: 415 });
    }
    expect(bodyDecision(post({ contentLength: undefined, transferEncoding: 'chunked' }), limits)).toEqual({ limit: 1000 });
  });

  it('takes forms and JSON up to the fields limit and files up to the upload limit once signed in', () => {
    const signedIn = (overrides: Partial<BodyRequest>) => bodyDecision(post({ signedIn: true, ...overrides }), limits);
    expect(signedIn({ contentType: 'application/json', contentLength: '1000' })).toEqual({ limit: 1000 });
    expect(signedIn({ contentType: 'application/json', contentLength: '1001' })).toMatchObject({ refuse: 413 });
    expect(signedIn({ contentType: 'Multipart/Form-Data; boundary=abc', contentLength: '50000' })).toMatchObject({ limit: expect.any(Number) });
    expect(signedIn({ contentType: 'multipart/form-data; boundary=abc', contentLength: String(50_000 + 1000 + 64 * 1024 + 1) })).toMatchObject({ refuse: 413 });
    expect(signedIn({ contentType: 'application/octet-stream' })).toMatchObject({ refuse: 415 });
    expect(signedIn({ contentType: 'text/plain' })).toMatchObject({ refuse: 415 });
  });

  it('refuses a Content-Length that is not a number', () => {
    expect(bodyDecision(post({ contentLength: '12abc' }), limits)).toMatchObject({ refuse: 400 });
  });
});
