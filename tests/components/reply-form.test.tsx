import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { NextIntlClientProvider } from "next-intl";
import { ReplyForm, type ReplyFormCopy } from "@/components/tickets/reply-form";
import type { CannedChoice } from "@/components/tickets/canned-reply-menu";
import id from "@/messages/id.json";

jest.mock("next/navigation", () => ({ useRouter: () => ({ push: jest.fn(), refresh: jest.fn() }) }));

const TICKET = "6b1f4c7e-2a43-4c55-9d1e-7c0a1b2c3d4e";
const r = id.tickets.reply;
const copy: ReplyFormCopy = {
  reply: id.tickets.detail.reply,
  placeholder: id.tickets.detail.replyPlaceholder,
  attachments: id.tickets.fields.attachments,
  send: id.tickets.detail.send,
  sending: id.tickets.detail.sending,
  tabs: r.tabs,
  replyTab: r.replyTab,
  noteTab: r.noteTab,
  note: r.note,
  notePlaceholder: r.notePlaceholder,
  noteNotice: r.noteNotice,
  saveNote: r.saveNote,
};
const c = id.tickets.canned;
const cannedCopy = { ...c, results: c.results, remove: c.remove };
const CHOICES: CannedChoice[] = [
  { id: "a1", title: "Reset kata sandi", body: "Kata sandi sudah direset.", global: true, attachments: [] },
  { id: "a2", title: "Sapaan awal", body: "Yth. Rina, tiket HD-2026-000007 kami terima.", global: false, attachments: [{ id: "f0b4a3c3-2f7a-4c1e-9d55-5a8f0f6b9e11", fileName: "panduan.pdf", size: 10 }] },
];
const asked: string[] = [];

beforeEach(() => {
  asked.length = 0;
  global.fetch = jest.fn(async (url: string | URL | Request) => {
    asked.push(String(url));
    return { ok: true, status: 200, json: async () => CHOICES } as Response;
  }) as typeof fetch;
});

function form(action: jest.Mock) {
  return render(
    <NextIntlClientProvider locale="id" messages={{ validation: id.validation }}>
      <ReplyForm
        ticketId={TICKET}
        copy={copy}
        limits={{ allowedExtensions: ["png", "pdf"], maxFileSizeMb: 5, maxFilesPerMessage: 3 }}
        allowInternal
        statusButtons={[
          { status: "WAITING", label: r.sendAnd.WAITING },
          { status: "RESOLVED", label: r.sendAnd.RESOLVED },
        ]}
        canned={cannedCopy}
        action={action}
        onSent={() => Promise.resolve()}
      />
    </NextIntlClientProvider>,
  );
}
const sent = (action: jest.Mock) => Object.fromEntries((action.mock.calls[0]![0] as FormData).entries());
const ok = () => jest.fn().mockResolvedValue({ ok: true, data: { id: "m1" } });

it("'Kirim & Selesaikan' sends the reply and the status in one call", async () => {
  const action = ok();
  form(action);
  await userEvent.type(screen.getByLabelText(copy.reply), "Sudah beres.");
  await userEvent.click(screen.getByRole("button", { name: r.sendAnd.RESOLVED }));
  await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
  expect(sent(action)).toEqual({ ticketId: TICKET, body: "Sudah beres.", status: "RESOLVED" });
  await waitFor(() => expect(screen.getByLabelText(copy.reply)).toHaveValue(""));
});

it("the internal note is its own tab: yellow notice, its own button, no status buttons, sent as internal without a status", async () => {
  const action = ok();
  form(action);
  await userEvent.click(screen.getByRole("tab", { name: r.noteTab }));
  expect(screen.getByText(r.noteNotice)).toBeInTheDocument();
  expect(screen.queryByRole("button", { name: r.sendAnd.RESOLVED })).toBeNull();
  await userEvent.type(screen.getByLabelText(r.note), "Cek LDAP");
  await userEvent.click(screen.getByRole("button", { name: r.saveNote }));
  await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
  expect(sent(action)).toEqual({ ticketId: TICKET, body: "Cek LDAP", internal: "true" });
});

it("'/' at the start of a line opens the canned replies; arrows and Enter insert the chosen one in place of what was typed, its file comes along", async () => {
  const action = ok();
  form(action);
  const box = screen.getByLabelText(copy.reply);
  await userEvent.type(box, "Selamat pagi.{enter}/sap");
  expect(await screen.findByRole("option", { name: /Sapaan awal/ })).toBeInTheDocument();
  expect(asked.at(-1)).toBe(`/api/canned-replies?ticketId=${TICKET}&q=sap`);
  fireEvent.keyDown(box, { key: "ArrowDown" });
  expect(screen.getByRole("option", { name: /Sapaan awal/ })).toHaveAttribute("aria-selected", "true");
  expect(box).toHaveAttribute("aria-activedescendant", screen.getByRole("option", { name: /Sapaan awal/ }).id);
  fireEvent.keyDown(box, { key: "Enter" });
  expect(box).toHaveValue("Selamat pagi.\nYth. Rina, tiket HD-2026-000007 kami terima.");
  expect(screen.queryByRole("listbox")).toBeNull();
  expect(screen.getByTestId("canned-files")).toHaveTextContent("panduan.pdf");

  await act(async () => {
    await userEvent.type(box, " Salam.");
  });
  await userEvent.click(screen.getByRole("button", { name: copy.send }));
  await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
  expect(sent(action)).toEqual({
    ticketId: TICKET,
    body: "Selamat pagi.\nYth. Rina, tiket HD-2026-000007 kami terima. Salam.",
    cannedAttachmentIds: "f0b4a3c3-2f7a-4c1e-9d55-5a8f0f6b9e11",
  });
});

it("a '/' inside a sentence is text; Escape closes the menu and keeps what was typed", async () => {
  form(ok());
  const box = screen.getByLabelText(copy.reply);
  await userEvent.type(box, "dan/atau");
  expect(screen.queryByTestId("canned-menu")).toBeNull();
  await userEvent.type(box, "{enter}/res");
  await screen.findByRole("option", { name: /Reset kata sandi/ });
  fireEvent.keyDown(box, { key: "Escape" });
  expect(screen.queryByTestId("canned-menu")).toBeNull();
  expect(box).toHaveValue("dan/atau\n/res");
});

it("the 'Balasan cepat' button opens a searchable menu that inserts where the caret was", async () => {
  form(ok());
  await userEvent.click(screen.getByRole("button", { name: c.button }));
  const search = screen.getByRole("combobox", { name: c.search });
  await userEvent.type(search, "reset");
  await screen.findByRole("option", { name: /Reset kata sandi/ });
  fireEvent.keyDown(search, { key: "Enter" });
  expect(screen.getByLabelText(copy.reply)).toHaveValue("Kata sandi sudah direset.");
});
