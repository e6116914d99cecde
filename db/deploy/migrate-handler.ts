/**
 * The migration custom resource (CloudFormation, through the CDK Provider framework): on Create
 * and Update it applies the pending migrations with the same runner as `npm run migrate`; a
 * failure throws, the Provider reports FAILED, and the deploy rolls back. Delete does nothing:
 * removing the stack must never drop data (the cluster's own removal policy decides).
 */
import type { DataApiTarget } from '../../platform/data-api/types.js';
import { applyMigrations, prepareMigrations, type MigrationResult, type MigrationSource } from '../migrate/index.js';

/** The part of a CloudFormation custom resource event the handler reads. */
export interface CustomResourceEvent {
  readonly RequestType: 'Create' | 'Update' | 'Delete';
  readonly PhysicalResourceId?: string;
  readonly ResourceProperties?: Readonly<Record<string, unknown>>;
}

/** What the Provider framework expects back. */
export interface CustomResourceResponse {
  readonly PhysicalResourceId: string;
  readonly Data?: Readonly<Record<string, string | number>>;
}

/** Inputs of {@link createMigrateHandler}. */
export interface MigrateHandlerOptions {
  /** The migration files, as bundled into the Lambda. */
  readonly sources: readonly MigrationSource[];
  /** Built on first use, so a bad environment fails the event, not the module load. */
  readonly target: () => DataApiTarget;
  /** @default no output */
  readonly log?: (line: string) => void;
  /** Called with each run's result (metrics). @default nothing */
  readonly onApplied?: (result: MigrationResult) => void;
}

/** One physical id per database, so CloudFormation never sees a replacement of the resource. */
function physicalId(target: DataApiTarget): string {
  return `${target.resourceArn}/${target.database ?? ''}/migrations`;
}

/**
 * Builds the `onEvent` handler.
 * @example
 * export const handler = createMigrateHandler({ sources: migrationSources, target: () => createDataApiTarget(readDataApiConfig()) });
 */
export function createMigrateHandler(options: MigrateHandlerOptions): (event: CustomResourceEvent) => Promise<CustomResourceResponse> {
  const log = options.log ?? (() => {});
  return async function onMigrationEvent(event) {
    const target = options.target();
    if (event.RequestType === 'Delete') {
      log('delete: migrations are never undone, nothing to do');
      return { PhysicalResourceId: event.PhysicalResourceId ?? physicalId(target) };
    }
    const migrations = await prepareMigrations(options.sources);
    const result = await applyMigrations(target, migrations, { log });
    options.onApplied?.(result);
    const last = migrations.at(-1)?.name ?? '';
    return {
      PhysicalResourceId: physicalId(target),
      Data: { Applied: result.applied.length, AlreadyApplied: result.alreadyApplied.length, LastMigration: last },
    };
  };
}
