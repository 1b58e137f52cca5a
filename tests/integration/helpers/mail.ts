import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";

/** Ports of this project's test range (4100–4199): 4140 + 10 per Jest worker + n. */
export function testPort(n: number): number {
  return 4140 + (Number(process.env.JEST_WORKER_ID || 1) - 1) * 10 + n;
}

export type TestSmtp = {
  port: number;
  /** Mails the server accepted (answered 250 to), parsed. */
  accepted: ParsedMail[];
  raw: string[];
  /** Recipients refused with 550. */
  reject: Set<string>;
  /** When set, the server waits for this before answering a mail's DATA (to hold a sender mid-send); false drops the mail. */
  hold?: () => Promise<boolean>;
  close: () => Promise<void>;
  smtp: { host: string; port: number; secure: boolean };
  to: (address: string) => ParsedMail[];
};

/** A real SMTP server (the `smtp-server` package) on 127.0.0.1. */
export async function startTestSmtp(port = testPort(0)): Promise<TestSmtp> {
  const state: TestSmtp = {
    port,
    accepted: [],
    raw: [],
    reject: new Set(),
    close: async () => undefined,
    smtp: { host: "127.0.0.1", port, secure: false },
    to: (address) => state.accepted.filter((m) => JSON.stringify(m.to ?? "").toLowerCase().includes(address.toLowerCase())),
  };
  const options: SMTPServerOptions = {
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (state.reject.has(address.address.toLowerCase())) {
        const error = new Error("5.1.1 User unknown") as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        if (state.hold && !(await state.hold())) return callback(new Error("dropped"));
        const raw = Buffer.concat(chunks).toString("utf8");
        state.raw.push(raw);
        state.accepted.push(await simpleParser(raw));
        callback();
      });
    },
  };
  const server = new SMTPServer(options);
  server.on("error", () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}
