import { ADMIN, BUSINESSES, DEMO_PASSWORD, GROUPS, TKM_TEAMS } from "./data";
import { VILLAGE_OFFICIALS } from "./village";

export function printDemoAccounts() {
  const rows: [string, string][] = [];
  const first = GROUPS[0];
  if (first) rows.push([`Pengurus ${first.name}`, first.manager.phone]);
  if (first?.treasurer) rows.push([`Bendahara ${first.name}`, first.treasurer.phone]);
  const buyer = BUSINESSES[0];
  if (buyer) rows.push([`Pembeli ${buyer.name}`, buyer.owner.phone]);
  const tkm = TKM_TEAMS[0]?.officers[0];
  if (tkm && TKM_TEAMS[0]) rows.push([`Petugas ${TKM_TEAMS[0].name}`, tkm.phone]);
  for (const official of VILLAGE_OFFICIALS) rows.push([official.position, official.phone]);
  rows.push(["Admin", ADMIN.email]);
  console.log(`\nDemo accounts (password for all: ${DEMO_PASSWORD})`);
  for (const [who, login] of rows) console.log(`  ${who.padEnd(46)} ${login}`);
  console.log("");
}
