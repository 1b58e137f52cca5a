/**
 * Demo data for trying the helpdesk out: the Diskominfo departments and some OPDs. Idempotent.
 * Run with `npm run db:seed` (after `npm start` or `npm run db:migrate` created the schema).
 */
import { PrismaClient } from "../lib/generated/prisma/client";
import { closePglite, createAdapter } from "../lib/db-adapter";
import { prepareRuntimeEnv } from "../scripts/runtime-env";

const DEPARTMENTS = ["Jaringan & Bandwidth", "Website", "Server & Hosting", "Aplikasi", "E-mail"];
const AGENCIES = [
  "Dinas Kesehatan",
  "Dinas Pendidikan dan Kebudayaan",
  "Dinas Pekerjaan Umum dan Penataan Ruang",
  "Badan Pendapatan Daerah",
  "Badan Kepegawaian Daerah",
  "Dinas Perhubungan",
  "Dinas Sosial",
  "Biro Umum Sekretariat Daerah",
];

async function main() {
  prepareRuntimeEnv();
  const prisma = new PrismaClient({ adapter: createAdapter() });
  try {
    for (const name of DEPARTMENTS) await prisma.department.upsert({ where: { name }, update: {}, create: { name } });
    for (const name of AGENCIES) await prisma.agency.upsert({ where: { name }, update: {}, create: { name } });
    console.log(`Seed: ${DEPARTMENTS.length} department, ${AGENCIES.length} OPD.`);
  } finally {
    await prisma.$disconnect();
    await closePglite();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
