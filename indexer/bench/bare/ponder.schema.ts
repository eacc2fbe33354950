// Ponder needs a schema; the bare handlers write nothing.
import { onchainTable } from "ponder";

export const nothing = onchainTable("nothing", (t) => ({ id: t.text().primaryKey() }));
