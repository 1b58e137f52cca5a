import fs from "node:fs";
import { accessTableMarkdown } from "../lib/auth/access";

/** Rewrites docs/access-table.md from lib/auth/access.ts. */
fs.writeFileSync("docs/access-table.md", accessTableMarkdown());
console.log("docs/access-table.md written");
