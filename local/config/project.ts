import type { DataApiTarget } from '../../platform/data-api/types.js';
import type { ApiConfig } from '../../platform/project/api-config.js';
import type { ProjectTask } from '../../platform/project/task.js';
import type { ProjectFlags } from './options.js';

/**
 * What a project tells the offline server about itself: the API it deploys (schema, resolvers,
 * auth, database, limits) plus what only a developer's machine needs: how to prepare the
 * database, the playground, and the tasks `local/task-cli.ts` runs. The server knows nothing else.
 */
export interface LocalProjectConfig extends ApiConfig {
  readonly database: ApiConfig['database'] & {
    /**
     * Brings the database up to date (migrations) and fills an empty one (seed), through the
     * Data API like any client. Called at every start, before the API serves. `flags` holds the
     * values of the {@link LocalProjectConfig.startFlags} given on the command line.
     */
    readonly prepare?: (target: DataApiTarget, log: (line: string) => void, flags: Readonly<Record<string, string>>) => Promise<void>;
  };
  /** The project's own `npm start` flags (name without `--` → one line of help), handed to `database.prepare`. @default {} */
  readonly startFlags?: ProjectFlags;
  /** What the playground at `/` offers. @default {} */
  readonly playground?: PlaygroundConfig;
  /** Commands `npm run <name>` runs against the database (`tsx local/task-cli.ts <name>`). @default {} */
  readonly tasks?: Readonly<Record<string, ProjectTask>>;
}

/**
 * A saved operation the playground lists. A string in `variables` may be a placeholder the
 * playground fills each time the example is picked, so a walkthrough needs no copying:
 * - `{{uuid}}`: a new random UUID (an idempotency key that is fresh for every booking);
 * - `{{Operation.path.to.value}}`: that value from the last answer of the operation named
 *   `Operation` in this browser tab (array items by index: `items.0.id`). A placeholder that is
 *   the whole string takes the value's own type (a number, an object).
 */
export interface PlaygroundExample {
  readonly name: string;
  readonly query: string;
  readonly variables?: Readonly<Record<string, unknown>>;
}

/** A user of the local user pool: the playground signs in as them, and apps sign in with their password. */
export interface PlaygroundUser {
  readonly username: string;
  /** Cognito groups (`cognito:groups`). @default [] */
  readonly groups?: readonly string[];
  /** @default `${username}@example.com` */
  readonly email?: string;
  /** Their password for InitiateAuth. @default 'Passw0rd!' */
  readonly password?: string;
}

/** The playground's saved operations and sign-in choices. */
export interface PlaygroundConfig {
  /** The editor's text before anything is picked: what this API is and where to start. @default GraphiQL's own */
  readonly welcome?: string;
  /** @default [] */
  readonly examples?: readonly PlaygroundExample[];
  /** @default [] */
  readonly users?: readonly PlaygroundUser[];
}

/** Declares a project's offline configuration with its types checked. */
export function defineLocalConfig(config: LocalProjectConfig): LocalProjectConfig {
  return config;
}
