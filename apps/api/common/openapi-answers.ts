import type { OpenAPIObject } from '@nestjs/swagger';

/** The body of every answer that is not a success (apps/api/common/http-answers.filter.ts). */
export const ERROR_ANSWER_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'message'],
  properties: {
    statusCode: { type: 'integer', example: 400 },
    message: {
      description: 'What to fix: one sentence, or one per problem for a body that failed validation',
      oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    },
    error: { type: 'string', example: 'Bad Request' },
  },
};

type Operation = {
  parameters?: Array<{ in?: string; name?: string }>;
  security?: unknown[];
  responses?: Record<string, { description: string; content?: unknown; headers?: unknown }>;
};

const ERROR = { 'application/json': { schema: { $ref: '#/components/schemas/ErrorAnswer' } } };

/**
 * The refusals every route can give, documented once for all of them rather than repeated on
 * each controller: what applies to an operation follows from its shape (credentials, ids in the
 * path, a body, an Idempotency-Key). A controller's own, more precise description wins.
 */
export function withErrorAnswers(document: OpenAPIObject): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ErrorAnswer: ERROR_ANSWER_SCHEMA as never } };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item) as Array<[string, Operation]>) {
      if (!operation || typeof operation !== 'object' || !operation.responses) continue;
      const secured = Array.isArray(operation.security) && operation.security.length > 0;
      const ids = (operation.parameters ?? []).some((p) => p.in === 'path');
      const keyed = (operation.parameters ?? []).some((p) => p.in === 'header' && p.name?.toLowerCase() === 'idempotency-key');
      const writes = method !== 'get';
      const answers: Record<string, string | false> = {
        400: 'Bad input: the message says what to fix (validation lists every problem)',
        401: secured && 'No credentials, or wrong ones',
        403: secured && 'Your role or reach does not allow it; the message says why',
        404: ids && `Something named in the path (${path.match(/\{[^}]+\}/g)?.join(', ')}) does not exist`,
        409: writes && ids && 'The record is not in a state that allows it (e.g. a decision in the wrong stage)',
        422: (keyed || writes) && (keyed ? 'This Idempotency-Key was used for a different request, or the request refers to records that do not fit together' : 'The request refers to records that do not fit together'),
        503: 'PostgreSQL or Temporal is unreachable for the moment; retry after Retry-After seconds (with the same Idempotency-Key)',
      };
      // A refusal a controller describes itself still has the one error body, unless it names another.
      for (const [status, answer] of Object.entries(operation.responses)) {
        if (/^[45]\d\d$/.test(status) && !answer.content) answer.content = ERROR;
      }
      for (const [status, description] of Object.entries(answers)) {
        if (!description || operation.responses[status]) continue;
        operation.responses[status] = {
          description,
          content: ERROR,
          ...(status === '503' ? { headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } } } : {}),
        };
      }
    }
  }
  return document;
}
