/** Writes src/ui/tokens.css from src/ui/tokens.ts (`npm run tokens`). */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { tokensCss } from "../src/ui/tokens.ts";

const file = resolve(import.meta.dirname, "../src/ui/tokens.css");
writeFileSync(file, tokensCss());
console.log(`✓ wrote ${file}`);
