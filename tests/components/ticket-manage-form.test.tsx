import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { NextIntlClientProvider } from "next-intl";
import { TicketManageForm } from "@/components/tickets/ticket-controls";
import id from "@/messages/id.json";

jest.mock("next/navigation", () => ({ useRouter: () => ({ push: jest.fn(), refresh: jest.fn() }) }));

const copy = {
  title: id.tickets.detail.manage,
  status: id.tickets.fields.status,
  priority: id.tickets.fields.priority,
  department: id.tickets.fields.department,
  assignee: id.tickets.fields.assignee,
  unassigned: id.tickets.fields.unassigned,
  save: id.tickets.detail.save,
  saving: id.tickets.detail.saving,
  saved: id.tickets.detail.saved,
};
const TICKET = "6b1f4c7e-2a43-4c55-9d1e-7c0a1b2c3d4e";
const WEB = "3f1c7a52-5a7e-4d7c-9c1e-0a3b9c1d2e4f";
const NET = "8d2e6b13-1c9f-4a0e-b7d5-2e4f6a8b0c1d";
const ANI = "a7c3e5f1-9b2d-4e6f-8a0c-1d3e5f7a9b2c";
const statuses = [
  { value: "OPEN", label: "Baru" },
  { value: "IN_PROGRESS", label: "Sedang diproses" },
  { value: "RESOLVED", label: "Selesai" },
];
const priorities = [
  { value: "NORMAL", label: "Normal" },
  { value: "HIGH", label: "Tinggi" },
];
const departments = [
  { value: WEB, label: "Website" },
  { value: NET, label: "Jaringan" },
];
const assignees = [{ value: ANI, label: "Ani" }];
type Ticket = { status: string; priority: string; departmentId: string; assigneeId: string };
const AS_FETCHED: Ticket = { status: "OPEN", priority: "NORMAL", departmentId: WEB, assigneeId: ANI };

function panel(current: Ticket, action: jest.Mock, onSaved: () => Promise<void> = () => Promise.resolve()) {
  return (
    <NextIntlClientProvider locale="id" messages={{ validation: id.validation }}>
      <TicketManageForm ticketId={TICKET} current={current} statuses={statuses} priorities={priorities} departments={departments} assignees={assignees} copy={copy} action={action} onSaved={onSaved} />
    </NextIntlClientProvider>
  );
}

/** A promise the test settles by hand, to look at the screen while the server or the page is still busy. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const field = (label: string) => screen.getByLabelText(label);

it("a refresh that moved the ticket shows the new department and keeps the status this user chose; only that change is sent", async () => {
  const action = jest.fn().mockResolvedValue({ ok: true, data: { changed: 1 } });
  const { rerender } = render(panel(AS_FETCHED, action));
  await userEvent.selectOptions(field(copy.status), "IN_PROGRESS");

  // Someone else moved the ticket to another department, which dropped its assignee; the page fetched it again.
  rerender(panel({ ...AS_FETCHED, departmentId: NET, assigneeId: "" }, action));
  expect(field(copy.status)).toHaveValue("IN_PROGRESS");
  expect(field(copy.department)).toHaveValue(NET);
  expect(field(copy.assignee)).toHaveValue("");
  expect(field(copy.priority)).toHaveValue("NORMAL");

  await userEvent.click(screen.getByRole("button", { name: copy.save }));
  expect(await screen.findByRole("status")).toHaveTextContent(copy.saved);
  expect(action).toHaveBeenCalledTimes(1);
  expect(action).toHaveBeenCalledWith({ ticketId: TICKET, status: "IN_PROGRESS" });
});

it("says Tersimpan only after the server answered and the page has the ticket again", async () => {
  const server = deferred<{ ok: true; data: { changed: number } }>();
  const refetch = deferred<void>();
  const action = jest.fn().mockReturnValue(server.promise);
  const onSaved = jest.fn().mockReturnValue(refetch.promise);
  render(panel(AS_FETCHED, action, onSaved));
  await userEvent.selectOptions(field(copy.priority), "HIGH");
  await userEvent.click(screen.getByRole("button", { name: copy.save }));

  expect(screen.getByRole("button", { name: copy.saving })).toBeDisabled();
  expect(screen.queryByText(copy.saved)).not.toBeInTheDocument();
  await act(async () => server.resolve({ ok: true, data: { changed: 1 } }));
  expect(onSaved).toHaveBeenCalledTimes(1);
  expect(screen.queryByText(copy.saved)).not.toBeInTheDocument();
  await act(async () => refetch.resolve());
  expect(await screen.findByRole("status")).toHaveTextContent(copy.saved);
});

it("a refused save keeps every choice on screen and says why", async () => {
  const action = jest.fn().mockResolvedValue({ ok: false, formError: "Perubahan tidak diizinkan." });
  const onSaved = jest.fn();
  render(panel(AS_FETCHED, action, onSaved));
  await userEvent.selectOptions(field(copy.status), "RESOLVED");
  await userEvent.selectOptions(field(copy.assignee), "");
  await userEvent.click(screen.getByRole("button", { name: copy.save }));

  expect(await screen.findByRole("alert")).toHaveTextContent("Perubahan tidak diizinkan.");
  expect(field(copy.status)).toHaveValue("RESOLVED");
  expect(field(copy.assignee)).toHaveValue("");
  expect(onSaved).not.toHaveBeenCalled();
  expect(screen.queryByText(copy.saved)).not.toBeInTheDocument();
});

it("once saved, every field follows the ticket again: a later change by someone else shows", async () => {
  const action = jest.fn().mockResolvedValue({ ok: true, data: { changed: 1 } });
  const { rerender } = render(panel(AS_FETCHED, action));
  await userEvent.selectOptions(field(copy.status), "IN_PROGRESS");
  await userEvent.click(screen.getByRole("button", { name: copy.save }));
  expect(await screen.findByRole("status")).toHaveTextContent(copy.saved);
  rerender(panel({ ...AS_FETCHED, status: "IN_PROGRESS" }, action));

  // Another staff member resolved it; the page fetched it again.
  rerender(panel({ ...AS_FETCHED, status: "RESOLVED" }, action));
  expect(field(copy.status)).toHaveValue("RESOLVED");
  await userEvent.selectOptions(field(copy.priority), "HIGH");
  await userEvent.click(screen.getByRole("button", { name: copy.save }));
  expect(action).toHaveBeenLastCalledWith({ ticketId: TICKET, priority: "HIGH" });
});
