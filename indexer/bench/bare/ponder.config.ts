// The bare Ponder app of `npm run bench:indexer`: Greenprint's own config (same chain, contracts,
// start block, database settings), so the two apps sync exactly the same logs.
export { default } from "../../ponder.config";
