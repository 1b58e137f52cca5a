// A mail worker in its own process (started and killed by tests/integration/mail-crash.test.ts).
import { drainOutbox } from "@/lib/mail/worker";

const smtp = { host: "127.0.0.1", port: Number(process.env.CHILD_SMTP_PORT), secure: false };
drainOutbox({ smtp })
  .then((r) => {
    process.stdout.write(JSON.stringify(r));
    process.exit(0);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
