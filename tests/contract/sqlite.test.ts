import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSqliteStores } from "../../lib/store/sqlite";
import { runStoreContract } from "./stores.contract";
import { runUseCaseContract } from "./usecases.contract";

// A file, not :memory:, so that WAL and the file-backed paths the portal uses are exercised.
const dir = mkdtempSync(join(tmpdir(), "donum-contract-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const factory = async () => createSqliteStores(join(dir, `store-${n++}.db`));

runStoreContract("sqlite", factory);
runUseCaseContract("sqlite", factory);
