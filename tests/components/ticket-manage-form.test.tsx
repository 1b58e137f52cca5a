import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TicketManageForm } from "@/components/tickets/ticket-controls";
import id from "@/messages/id.json";

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
const statuses = [
  { value: "OPEN", label: "Baru" },
  { value: "IN_PROGRESS", label: "Sedang diproses" },
];
const priorities = [{ value: "MEDIUM", label: "Sedang" }];
const departments = [
  { value: "dep-web", label: "Website" },
  { value: "dep-net", label: "Jaringan" },
];
const assignees = [{ value: "staff-ani", label: "Ani" }];

function form(current: { status: string; priority: string; departmentId: string; assigneeId: string }, action: jest.Mock) {
  return (
    <TicketManageForm
      ticketId="t1"
      current={current}
      statuses={statuses}
      priorities={priorities}
      departments={departments}
      assignees={assignees}
      copy={copy}
      action={action}
      onSaved={() => Promise.resolve()}
    />
  );
}

it("shows the ticket as it is now after someone else moved it, and sends only what this user changed", async () => {
  const action = jest.fn().mockResolvedValue({ ok: true, data: { changed: 1 } });
  const { rerender } = render(form({ status: "OPEN", priority: "MEDIUM", departmentId: "dep-web", assigneeId: "staff-ani" }, action));
  expect(screen.getByLabelText(copy.assignee)).toHaveValue("staff-ani");

  // The page fetched the ticket again: it moved to another department, which dropped its assignee.
  rerender(form({ status: "OPEN", priority: "MEDIUM", departmentId: "dep-net", assigneeId: "" }, action));
  expect(screen.getByLabelText(copy.department)).toHaveValue("dep-net");
  expect(screen.getByLabelText(copy.assignee)).toHaveValue("");

  await userEvent.selectOptions(screen.getByLabelText(copy.status), "IN_PROGRESS");
  await userEvent.click(screen.getByRole("button", { name: copy.save }));
  expect(await screen.findByRole("status")).toHaveTextContent(copy.saved);
  expect(action).toHaveBeenCalledTimes(1);
  expect(action).toHaveBeenCalledWith({ ticketId: "t1", status: "IN_PROGRESS" });
});
