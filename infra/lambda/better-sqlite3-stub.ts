/**
 * Stand-in for better-sqlite3 in the log worker's bundle (esbuild alias, infra/lib/donum-stack.ts).
 * The container imports the SQLite adapter statically; in AWS the store is DynamoDB and SQLite is
 * never opened, so the native module (built for the build machine) is left out of the bundle.
 * Opening a database here is a configuration error, said loudly.
 */
export default class Database {
  constructor() {
    throw new Error("SQLite is not available in the AWS log worker: set DONUM_STORE=dynamodb");
  }
}
