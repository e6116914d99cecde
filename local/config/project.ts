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

/** A saved operation the playground lists (placeholders it fills: local/plugins/playground/README.md). */
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
  /** @default [] */
  readonly examples?: readonly PlaygroundExample[];
  /** @default [] */
  readonly users?: readonly PlaygroundUser[];
  /** What the query editor opens with (GraphQL comments): the project's own welcome. @default a generic one */
  readonly welcome?: string;
}

/** Declares a project's offline configuration with its types checked. */
export function defineLocalConfig(config: LocalProjectConfig): LocalProjectConfig {
  return config;
}
