import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { NextIntlClientProvider } from "next-intl";
import { TicketRelationsPanel, type RelationActions } from "@/components/tickets/ticket-relations";
import { DepartmentModal } from "@/components/departments/department-modal";
import type { TicketRelations } from "@/lib/dal/tickets/relations";
import id from "@/messages/id.json";

jest.mock("next/navigation", () => ({ useRouter: () => ({ push: jest.fn(), refresh: jest.fn() }) }));

const ticket = { id: "0b4a3c3e-2f7a-4c1e-9d55-5a8f0f6b9e11", number: "HD-2026-000012", subject: "Wifi mati" };
const staffRelations: TicketRelations = { mergedInto: null, links: [], linkCount: 0, can: { merge: true, link: true } };

function renderPanel(actions: Partial<RelationActions>, relations = staffRelations, onChanged = jest.fn(async () => {})) {
  const all: RelationActions = { findMergeTarget: jest.fn(), merge: jest.fn(), link: jest.fn(), unlink: jest.fn(), ...actions };
  render(
    <NextIntlClientProvider locale="id" messages={{ validation: id.validation, ticketRelations: id.ticketRelations }}>
      <TicketRelationsPanel ticket={ticket} relations={relations} actions={all} onChanged={onChanged} />
    </NextIntlClientProvider>,
  );
  return { all, onChanged };
}

it("Gabungkan: a wrong number is said at the field; the right one shows both subjects, and only the confirm merges", async () => {
  const findMergeTarget = jest
    .fn()
    .mockResolvedValueOnce({ ok: false, fieldErrors: { target: "Tiket tidak ditemukan." } })
    .mockResolvedValueOnce({ ok: true, data: { id: "9e1c6c1e-0000-4000-8000-000000000001", number: "HD-2026-000007", subject: "Internet kantor putus", source: { number: ticket.number, subject: ticket.subject } } });
  const merge = jest.fn().mockResolvedValue({ ok: true, data: { number: "HD-2026-000007" } });
  const { onChanged } = renderPanel({ findMergeTarget, merge });

  await userEvent.click(screen.getByRole("button", { name: "Gabungkan ke tiket lain" }));
  const dialog = screen.getByRole("dialog", { name: `Gabungkan ${ticket.number}` });
  expect(within(dialog).getByLabelText("Nomor tiket tujuan")).toHaveFocus();
  await userEvent.click(within(dialog).getByRole("button", { name: "Cari" }));
  expect(await within(dialog).findByText("Wajib diisi.")).toBeInTheDocument();
  expect(findMergeTarget).not.toHaveBeenCalled();

  await userEvent.type(within(dialog).getByLabelText("Nomor tiket tujuan"), "99");
  await userEvent.click(within(dialog).getByRole("button", { name: "Cari" }));
  expect(await within(dialog).findByText("Tiket tidak ditemukan.")).toBeInTheDocument();
  expect(merge).not.toHaveBeenCalled();

  await userEvent.clear(within(dialog).getByLabelText("Nomor tiket tujuan"));
  await userEvent.type(within(dialog).getByLabelText("Nomor tiket tujuan"), "7");
  await userEvent.click(within(dialog).getByRole("button", { name: "Cari" }));
  expect(findMergeTarget).toHaveBeenLastCalledWith({ sourceId: ticket.id, target: "7" });
  const confirm = await within(dialog).findByTestId("merge-confirm");
  expect(confirm).toHaveTextContent("HD-2026-000012 — Wifi mati");
  expect(confirm).toHaveTextContent("HD-2026-000007 — Internet kantor putus");
  expect(merge).not.toHaveBeenCalled();

  await userEvent.click(within(confirm).getByRole("button", { name: "Gabungkan" }));
  expect(merge).toHaveBeenCalledWith({ sourceId: ticket.id, targetId: "9e1c6c1e-0000-4000-8000-000000000001" });
  expect(onChanged).toHaveBeenCalled();
  expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
});

it("a refused merge (changed meanwhile) keeps the dialog open with the message", async () => {
  const findMergeTarget = jest.fn().mockResolvedValue({ ok: true, data: { id: "9e1c6c1e-0000-4000-8000-000000000001", number: "HD-2026-000007", subject: "A", source: { number: ticket.number, subject: ticket.subject } } });
  const merge = jest.fn().mockResolvedValue({ ok: false, fieldErrors: { target: "HD-2026-000007 sudah digabung ke HD-2026-000003; pilih HD-2026-000003 sebagai tujuan." } });
  const { onChanged } = renderPanel({ findMergeTarget, merge });
  await userEvent.click(screen.getByRole("button", { name: "Gabungkan ke tiket lain" }));
  await userEvent.type(screen.getByLabelText("Nomor tiket tujuan"), "7");
  await userEvent.click(screen.getByRole("button", { name: "Cari" }));
  await userEvent.click(within(await screen.findByTestId("merge-confirm")).getByRole("button", { name: "Gabungkan" }));
  expect(await screen.findByText(/pilih HD-2026-000003 sebagai tujuan/)).toBeInTheDocument();
  expect(screen.getByRole("dialog")).toBeInTheDocument();
  expect(onChanged).not.toHaveBeenCalled();
});

it("links: listed with their numbers, linked by number, unlinked by the button named after the other ticket", async () => {
  const link = jest.fn().mockResolvedValue({ ok: true, data: { number: "HD-2026-000020" } });
  const unlink = jest.fn().mockResolvedValue({ ok: true, data: null });
  const relations: TicketRelations = { ...staffRelations, links: [{ id: "l1", number: "HD-2026-000005", subject: "VPN lambat", status: "OPEN" }], linkCount: 1 };
  const { onChanged } = renderPanel({ link, unlink }, relations);
  expect(screen.getByText(/Terkait dengan/)).toHaveTextContent("Terkait dengan HD-2026-000005");
  expect(screen.getByRole("link", { name: "HD-2026-000005" })).toHaveAttribute("href", "/dashboard/tickets/HD-2026-000005");
  await userEvent.type(screen.getByLabelText("Tautkan ke tiket nomor"), "20");
  await userEvent.click(screen.getByRole("button", { name: "Tautkan" }));
  expect(link).toHaveBeenCalledWith({ ticketId: ticket.id, target: "20" });
  await userEvent.click(screen.getByRole("button", { name: "Lepas tautan dengan HD-2026-000005" }));
  expect(unlink).toHaveBeenCalledWith({ ticketId: ticket.id, otherId: "l1" });
  expect(onChanged).toHaveBeenCalledTimes(2);
});

it("a client sees links and the merge pointer (a link only when they may open the target), nothing to change", () => {
  renderPanel({}, { mergedInto: { number: "HD-2026-000007", visible: false }, links: [], linkCount: 0, can: { merge: false, link: false } });
  expect(screen.getByTestId("merged-pointer")).toHaveTextContent("Tiket ini telah digabung ke HD-2026-000007.");
  expect(screen.queryByRole("link")).not.toBeInTheDocument();
  expect(screen.queryByRole("button")).not.toBeInTheDocument();
});

it("the Department form's 'Tugaskan otomatis' is sent with the name", async () => {
  const action = jest.fn().mockResolvedValue({ ok: true, data: { id: "d1" } });
  render(
    <NextIntlClientProvider locale="id" messages={{ validation: id.validation }}>
      <DepartmentModal
        copy={{ open: id.departments.rename, title: id.departments.editTitle, name: id.departments.name, save: id.departments.saveChanges, cancel: id.ui.cancel, close: id.ui.close, autoAssign: id.autoAssign.label, autoAssignHint: id.autoAssign.hint }}
        id="0b4a3c3e-2f7a-4c1e-9d55-5a8f0f6b9e11"
        initialName="Jaringan"
        initialAutoAssign={false}
        action={action}
      />
    </NextIntlClientProvider>,
  );
  await userEvent.click(screen.getByRole("button", { name: "Ubah" }));
  await userEvent.click(screen.getByLabelText(/Tugaskan otomatis/));
  await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
  expect(action).toHaveBeenCalledWith({ id: "0b4a3c3e-2f7a-4c1e-9d55-5a8f0f6b9e11", name: "Jaringan", autoAssign: true });
});
