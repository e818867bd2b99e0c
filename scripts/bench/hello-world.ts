import 'reflect-metadata';
import { Controller, Get, Module, Param } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

/**
 * The read benchmark's floor (`npm run bench:scale`): a Nest 11 app on the same Express platform
 * as the API, with one route that answers a small JSON record from memory. No auth, no
 * database, no middleware: what one GET costs in this framework on this machine.
 */
@Controller('hello')
class HelloController {
  @Get(':id')
  hello(@Param('id') id: string): { id: string; hello: string } {
    return { id, hello: 'world' };
  }
}

@Module({ controllers: [HelloController] })
class HelloModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(HelloModule, { logger: ['error'] });
  await app.listen(Number(process.env.PORT), '127.0.0.1');
  console.log('listening');
}

void main();
