/**
 * The one place that loads AdminJS and its adapters. `@adminjs/express` and
 * `@adminjs/typeorm` are ESM-only: `module: node16` keeps these `import()` calls as real
 * dynamic imports in the CommonJS build (docs/architecture.md). Nothing else may import them at run
 * time, so Jest (which rewrites import() into require()) never meets them.
 */
import { And, BaseEntity, DataSource, EntityManager, Equal, FindOperator, In, Raw } from 'typeorm';
import { panelTotal } from './estimated-count';
import { auditedWriteOf } from './audited-write';
import { OVERDUE, overdueWanted } from './overdue';
import { listScopeOf, rememberOwner, type OwnerPath } from './record-scope';

type Where = Record<string, unknown>;

/** Adds "owner IN (owners)" to a TypeORM where, keeping any filter already on that column. */
export function scopedWhere(where: Where | undefined, path: OwnerPath, owners: string[]): Where {
  const base: Where = { ...(where ?? {}) };
  const restrict = (current: unknown) =>
    current === undefined ? In(owners) : And(current instanceof FindOperator ? current : Equal(current), In(owners));
  if (!path.relation) return { ...base, [path.column]: restrict(base[path.column]) };
  const nested = { ...((base[path.relation] as Where | undefined) ?? {}) };
  return { ...base, [path.relation]: { ...nested, [path.column]: restrict(nested[path.column]) } };
}

/** Adds "id [NOT] IN (overdue rows)" to a TypeORM where (overdue.ts), keeping any filter already on the id. */
export function overdueWhere(where: Where | undefined, idColumn: string, overdueRows: string, wanted: boolean): Where {
  const base: Where = { ...(where ?? {}) };
  const condition = Raw((column) => `${column} ${wanted ? 'IN' : 'NOT IN'} (${overdueRows})`);
  const current = base[idColumn];
  return { ...base, [idColumn]: current === undefined ? condition : And(current instanceof FindOperator ? current : Equal(current), condition) };
}

/**
 * The list filter without the virtual "overdue" property (the adapter would look for a column),
 * and what was asked of it. The filter object is shared by the list's count and find: copied, not changed.
 */
function withoutOverdue<F>(filter: F): { rest: F; overdue?: boolean } {
  const filters = (filter as { filters?: Record<string, { value?: unknown }> } | undefined)?.filters;
  if (!filters || !(OVERDUE in filters)) return { rest: filter };
  const { [OVERDUE]: asked, ...others } = filters;
  const rest = Object.assign(Object.create(Object.getPrototypeOf(filter) as object) as object, filter, { filters: others }) as F;
  return { rest, overdue: overdueWanted(asked?.value) };
}

/** What the adapter needs of a resource's spec (resource-spec.ts): where a record's owner is, and which rows are overdue. */
export interface AdapterRules {
  owner?: OwnerPath;
  /** SQL selecting the ids of the overdue rows. */
  overdue?: string;
}

/**
 * Loads AdminJS with the adapter that applies each resource's rules, keyed by resource id, and
 * writes through `dataSource` in transactions that hold the write's audit entry too.
 */
export async function loadAdminJs(rules: ReadonlyMap<string, AdapterRules>, dataSource: DataSource) {
  const [{ default: AdminJS, BaseRecord, ValidationError, ForbiddenError, flat }, adminExpress, typeorm] = await Promise.all([
    import('adminjs'),
    import('@adminjs/express'),
    import('@adminjs/typeorm'),
  ]);

  /**
   * The TypeORM adapter turns every column into a property, and list/search accept filters
   * and sorting on any property. Columns that are never selected (`select: false`: the
   * password hash, the payout token) are left out entirely, so no filter, sort or search
   * can reach them.
   */
  class GuardedResource extends typeorm.Resource {
    override properties() {
      return super.properties().filter((property) => property.column.isSelect);
    }

    override property(path: string) {
      const property = super.property(path);
      // AdminJS treats a missing property as "no such field".
      return (property?.column.isSelect ? property : undefined) as ReturnType<typeof typeorm.Resource.prototype.property>;
    }

    /**
     * Per-record rules (record-scope.ts): a list or count is narrowed to the owners the user
     * reaches, in the query; records whose owner is reached through a relation are loaded with
     * it, the owner kept beside the record and the relation itself dropped (not shown).
     * The adapter's own find/count build the where from AdminJS's filter; they run against a
     * view of this resource whose model adds the scope (no shared state between requests).
     */
    private scoped(context: unknown, overdue?: boolean, counting = false): this {
      const path = rules.get(this.id())?.owner;
      const owners = listScopeOf(context);
      const overdueRows = overdue === undefined ? undefined : rules.get(this.id())?.overdue;
      if ((!path || (!owners && !path.relation)) && !overdueRows && !counting) return this;
      const model = (this as unknown as { model: unknown }).model as Record<string, (options: Record<string, unknown>) => Promise<unknown>>;
      const relations = path?.relation ? { relations: { [path.relation]: true } } : {};
      const withOwners = async (found: unknown) => {
        const owners: Array<[unknown, string | null]> = [];
        for (const instance of (found as Array<Record<string, unknown>>) ?? []) {
          if (!path?.relation || !instance) continue;
          const related = instance[path.relation] as Record<string, unknown> | null | undefined;
          owners.push([instance[this.idName()], typeof related?.[path.column] === 'string' ? (related[path.column] as string) : null]);
          delete instance[path.relation];
        }
        return owners;
      };
      const view = Object.create(this) as this & { pendingOwners?: Map<unknown, string | null> };
      const pending = new Map<unknown, string | null>();
      view.pendingOwners = pending;
      const where = (base: unknown) => {
        let narrowed = base as Where;
        if (path && owners) narrowed = scopedWhere(narrowed, path, owners);
        if (overdueRows) narrowed = overdueWhere(narrowed, this.idName(), overdueRows, overdue!);
        return narrowed;
      };
      (view as unknown as { model: unknown }).model = new Proxy(model, {
        get: (target, property) => {
          if (property === 'find' || property === 'count') {
            return async (options: Record<string, unknown>) => {
              const narrowed = { ...options, where: where(options.where) };
              if (property === 'count') return panelTotal((target as unknown as typeof BaseEntity).getRepository(), narrowed);
              const result = await target.find({ ...narrowed, ...relations });
              if (property === 'find') for (const [id, owner] of await withOwners(result)) pending.set(id, owner);
              return result;
            };
          }
          if (property === 'findBy' || property === 'findOneBy') {
            return async (by: Where) => {
              const found = await target.find({ where: by, ...relations });
              for (const [id, owner] of await withOwners(found)) pending.set(id, owner);
              return property === 'findBy' ? found : ((found as unknown[])[0] ?? null);
            };
          }
          // Bound to the entity class: called on the proxy, TypeORM would look up metadata for the proxy.
          const value = Reflect.get(target, property, target);
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });
      return view;
    }

    private remember<T>(view: unknown, records: T): T {
      const pending = (view as { pendingOwners?: Map<unknown, string | null> }).pendingOwners;
      if (!pending) return records;
      const list = (Array.isArray(records) ? records : records ? [records] : []) as Array<InstanceType<typeof BaseRecord>>;
      for (const record of list) {
        const id = record.id();
        if (pending.has(id)) rememberOwner(record, pending.get(id) ?? null);
      }
      return records;
    }

    override async count(filter: Parameters<typeof typeorm.Resource.prototype.count>[0], context?: unknown): Promise<number> {
      const owners = listScopeOf(context);
      if (owners && owners.length === 0) return 0;
      const { rest, overdue } = withoutOverdue(filter);
      return typeorm.Resource.prototype.count.call(this.scoped(context, overdue, true), rest);
    }

    override async find(filter: Parameters<typeof typeorm.Resource.prototype.find>[0], params: unknown, context?: unknown) {
      const owners = listScopeOf(context);
      if (owners && owners.length === 0) return [];
      const { rest, overdue } = withoutOverdue(filter);
      const view = this.scoped(context, overdue);
      return this.remember(view, await typeorm.Resource.prototype.find.call(view, rest, params));
    }

    /**
     * New, edit and delete save the entity and append its audit entry (audited-write.ts) in one
     * transaction. A write whose action registered no audit keeps the adapter's own behaviour.
     */
    override async create(params: Record<string, unknown>, context?: unknown) {
      const audit = auditedWriteOf(context);
      if (!audit) return super.create(params);
      return dataSource.transaction(async (manager) => {
        const instance = manager.create(this.entity(), flat.unflatten(this.prepared(params)) as object);
        await this.saveIn(manager, instance);
        const saved = new BaseRecord(instance as Record<string, unknown>, this).params;
        await audit(manager, String(saved[this.idName()]), null, saved);
        return instance as Awaited<ReturnType<typeof typeorm.Resource.prototype.create>>;
      });
    }

    override async update(pk: string | number, params: Record<string, unknown> = {}, context?: unknown) {
      const audit = auditedWriteOf(context);
      if (!audit) return super.update(pk, params);
      return dataSource.transaction(async (manager) => {
        const instance = await manager.findOne(this.entity(), { where: { [this.idName()]: pk }, lock: { mode: 'pessimistic_write' } });
        if (!instance) throw new Error('Instance not found.');
        const before = new BaseRecord(instance as Record<string, unknown>, this).params;
        Object.assign(instance, flat.unflatten(this.prepared(params)));
        await this.saveIn(manager, instance);
        await audit(manager, String(pk), before, new BaseRecord(instance as Record<string, unknown>, this).params);
        return instance as Awaited<ReturnType<typeof typeorm.Resource.prototype.update>>;
      });
    }

    override async delete(pk: string | number, context?: unknown) {
      const audit = auditedWriteOf(context);
      if (!audit) return super.delete(pk);
      await dataSource.transaction(async (manager) => {
        const instance = await manager.findOne(this.entity(), { where: { [this.idName()]: pk }, lock: { mode: 'pessimistic_write' } });
        if (!instance) return;
        const before = new BaseRecord(instance as Record<string, unknown>, this).params;
        try {
          await manager.remove(instance);
        } catch (error) {
          if ((error as Error).name === 'QueryFailedError') throw new ValidationError({}, { type: 'QueryFailedError', message: (error as Error).message });
          throw error;
        }
        await audit(manager, String(pk), before, null);
      });
    }

    private entity(): new () => object {
      return (this as unknown as { model: new () => object }).model;
    }

    private prepared(params: Record<string, unknown>): Record<string, unknown> {
      return (this as unknown as { prepareParams(params: Record<string, unknown>): Record<string, unknown> }).prepareParams(params);
    }

    /** As the adapter's validateAndSave, inside the transaction; a database refusal is a form error. */
    private async saveIn(manager: EntityManager, instance: object): Promise<void> {
      try {
        await manager.save(instance);
      } catch (error) {
        const failed = error as Error & { column?: string };
        if (failed.name === 'QueryFailedError') throw new ValidationError({ [failed.column ?? '']: { type: 'QueryFailedError', message: failed.message } });
        throw error;
      }
    }

    override async findOne(id: string | number) {
      const view = this.scoped(undefined);
      return this.remember(view, await typeorm.Resource.prototype.findOne.call(view, id));
    }

    override async findMany(ids: Array<string | number>) {
      const view = this.scoped(undefined);
      return this.remember(view, await typeorm.Resource.prototype.findMany.call(view, ids));
    }
  }

  AdminJS.registerAdapter({ Database: typeorm.Database, Resource: GuardedResource });
  /** For hooks in plain modules (resource-spec.ts): a form error, or a refusal. */
  const errors = {
    validation: (message: string, propertyErrors: Record<string, string> = {}) =>
      new ValidationError(
        Object.fromEntries(Object.entries(propertyErrors).map(([path, text]) => [path, { message: text, type: 'invalid' }])),
        { message, type: 'invalid' },
      ),
    forbidden: (message: string) => new ForbiddenError(message),
  };
  return { AdminJS, errors, buildAuthenticatedRouter: adminExpress.buildAuthenticatedRouter };
}

export type LoadedAdminJs = Awaited<ReturnType<typeof loadAdminJs>>;
