// Entry point of the packed CLI (packages/cli/dist/greenprint.js): runs main with the process's
// arguments and exits with its code. bin/greenprint.js is the same for development, through tsx.
import { main } from "./main";

process.exitCode = await main(process.argv.slice(2));
