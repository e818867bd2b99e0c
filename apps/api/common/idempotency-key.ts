import { BadRequestException } from '@nestjs/common';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

/** The Idempotency-Key header a client repeats on retries; it becomes the Temporal update id. */
export function checkedKey(idempotencyKey: string | undefined): string | undefined {
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    throw new BadRequestException('Idempotency-Key must be 8-128 characters of letters, digits, "_", ".", ":" or "-"');
  }
  return idempotencyKey;
}
