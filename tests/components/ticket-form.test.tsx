import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { NextIntlClientProvider } from "next-intl";
import { TicketForm, type TicketFormCopy } from "@/components/tickets/ticket-form";
import type { ActionResult } from "@/lib/actions/action";
import id from "@/messages/id.json";

const push = jest.fn();
jest.mock("next/navigation", () => ({ useRouter: () => ({ push, refresh: jest.fn() }) }));

const t = id.tickets;
const copy: TicketFormCopy = {
  department: t.fields.department,
  subject: t.fields.subject,
  description: t.fields.description,
  descriptionHint: t.fields.descriptionHint,
  priority: t.fields.prioritySuggest,
  client: t.fields.client,
  attachments: t.fields.attachments,
  attachmentsHint: "Maksimal 2 berkas",
  choose: t.fields.choose,
  submit: t.submit,
  submitting: t.submitting,
  faqTitle: t.faqTitle,
  priorities: t.priority,
};
const DEPT = { id: "0b8f6a52-4a0e-4d43-9d7e-0d6f2f0c1a11", name: "Jaringan & Bandwidth" };
const limits = { allowedExtensions: ["png", "pdf"], maxFileSizeMb: 1, maxFilesPerMessage: 2 };

function renderForm(action: (fd: FormData) => Promise<ActionResult<{ number: string }>>) {
  render(
    <NextIntlClientProvider locale="id" messages={{ validation: id.validation }}>
      <TicketForm copy={copy} departments={[DEPT]} limits={limits} defaultPriority="NORMAL" action={action} />
    </NextIntlClientProvider>,
  );
}

let fetchMock: jest.Mock;
beforeEach(() => {
  push.mockReset();
  fetchMock = jest.fn().mockResolvedValue({ ok: false, status: 404, json: async () => ({}) });
  global.fetch = fetchMock as unknown as typeof fetch;
});

it("shows Indonesian field errors and does not submit an empty form", async () => {
  const action = jest.fn();
  renderForm(action);
  await userEvent.type(screen.getByLabelText("Subjek"), "   ");
  await userEvent.click(screen.getByRole("button", { name: "Kirim" }));
  expect(await screen.findAllByText("Wajib diisi.")).toHaveLength(2); // subject, description
  expect(screen.getByText("Pilih department.")).toBeInTheDocument(); // a required select says what to do
  expect(screen.getByLabelText("Subjek")).toHaveAttribute("aria-invalid", "true");
  expect(action).not.toHaveBeenCalled();
});

it("lists the chosen files and refuses a disallowed type and a third file before sending", async () => {
  const action = jest.fn();
  renderForm(action);
  const input = screen.getByLabelText("Lampiran");
  const png = new File(["x"], "bukti.png", { type: "image/png" });
  const php = new File(["<?php"], "a.php", { type: "text/plain" });
  await userEvent.upload(input, [png, new File(["%PDF"], "surat.pdf", { type: "application/pdf" })]);
  const list = screen.getByTestId("file-list");
  expect(list).toHaveTextContent("bukti.png");
  expect(list).toHaveTextContent("surat.pdf");

  await userEvent.selectOptions(screen.getByLabelText("Department"), DEPT.id);
  await userEvent.type(screen.getByLabelText("Subjek"), "Internet putus");
  await userEvent.type(screen.getByLabelText("Deskripsi"), "Sejak pagi");
  await userEvent.upload(input, [png, png, png]);
  await userEvent.click(screen.getByRole("button", { name: "Kirim" }));
  expect(await screen.findByText("Maksimal 2 berkas per pesan.")).toBeInTheDocument();

  // accept="" would hide a.php in a real picker; applyAccept: false simulates a user forcing it
  const user = userEvent.setup({ applyAccept: false });
  await user.upload(input, [php]);
  await user.click(screen.getByRole("button", { name: "Kirim" }));
  expect(await screen.findByText("Jenis berkas a.php tidak diizinkan.")).toBeInTheDocument();
  expect(action).not.toHaveBeenCalled();
});

it("shows the pending state while the server works, then opens the new ticket", async () => {
  let resolve!: (r: ActionResult<{ number: string }>) => void;
  const action = jest.fn(() => new Promise<ActionResult<{ number: string }>>((r) => (resolve = r)));
  renderForm(action);
  await userEvent.selectOptions(screen.getByLabelText("Department"), DEPT.id);
  await userEvent.type(screen.getByLabelText("Subjek"), "Website down");
  await userEvent.type(screen.getByLabelText("Deskripsi"), "502");
  await userEvent.upload(screen.getByLabelText("Lampiran"), new File(["x"], "bukti.png", { type: "image/png" }));
  await userEvent.click(screen.getByRole("button", { name: "Kirim" }));

  const pending = await screen.findByRole("button", { name: "Mengirim…" });
  expect(pending).toBeDisabled();
  const sent = (action.mock.calls[0] as unknown as [FormData])[0];
  expect(sent.get("subject")).toBe("Website down");
  expect((sent.getAll("attachments") as File[]).map((f) => f.name)).toEqual(["bukti.png"]);

  await act(async () => resolve({ ok: true, data: { number: "HD-2026-000123" } }));
  await waitFor(() => expect(push).toHaveBeenCalledWith("/dashboard/tickets/HD-2026-000123"));
});

it("shows the server's field errors next to the fields", async () => {
  const action = jest.fn(async () => ({ ok: false as const, fieldErrors: { departmentId: "Department tidak ditemukan." }, formError: "Periksa kembali isian yang ditandai." }));
  renderForm(action);
  await userEvent.selectOptions(screen.getByLabelText("Department"), DEPT.id);
  await userEvent.type(screen.getByLabelText("Subjek"), "Website down");
  await userEvent.type(screen.getByLabelText("Deskripsi"), "502");
  await userEvent.click(screen.getByRole("button", { name: "Kirim" }));
  expect(await screen.findByText("Department tidak ditemukan.")).toBeInTheDocument();
  expect(screen.getByRole("alert")).toHaveTextContent("Periksa kembali isian yang ditandai.");
});

it("asks the FAQ for suggestions after typing stops, and stays quiet when the route is missing", async () => {
  renderForm(jest.fn());
  await userEvent.type(screen.getByLabelText("Subjek"), "lupa password email");
  await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1), { timeout: 2000 });
  expect(fetchMock.mock.calls[0][0]).toBe("/api/faq/suggest?q=lupa%20password%20email");
  expect(screen.queryByText(t.faqTitle)).not.toBeInTheDocument();

  fetchMock.mockResolvedValue({ ok: true, status: 200, json: async () => [{ id: "f1", subject: "Cara reset password e-mail dinas", department: "E-mail" }] });
  await userEvent.type(screen.getByLabelText("Subjek"), "!");
  expect(await screen.findByText("Cara reset password e-mail dinas", {}, { timeout: 2000 })).toBeInTheDocument();
});
