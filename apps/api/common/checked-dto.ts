import { BadRequestException } from '@nestjs/common';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

function messagesOf(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => [
    ...Object.values(error.constraints ?? {}).map((message) => (prefix ? `${prefix}${message}` : message)),
    ...messagesOf(error.children ?? [], `${prefix}${error.property}.`),
  ]);
}

/**
 * A body checked by the same DTO and rules as the REST API's ValidationPipe (apps/api/bootstrap.ts),
 * for input that does not come through a route: the panel's record actions send it to the same
 * services, so it must not be trusted more than a request body.
 */
export function checkedDto<T extends object>(type: ClassConstructor<T>, plain: unknown): T {
  const dto = plainToInstance(type, plain ?? {});
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw new BadRequestException(messagesOf(errors));
  return dto;
}
