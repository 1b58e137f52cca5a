import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { NextIntlClientProvider } from "next-intl";
import { DepartmentModal, type DepartmentModalCopy } from "@/components/departments/department-modal";
import id from "@/messages/id.json";

const refresh = jest.fn();
jest.mock("next/navigation", () => ({ useRouter: () => ({ push: jest.fn(), refresh }) }));

const copy: DepartmentModalCopy = {
  open: id.departments.addNew,
  title: id.departments.modalTitle,
  name: id.departments.name,
  save: id.departments.saveChanges,
  cancel: id.ui.cancel,
  close: id.ui.close,
};

function renderModal(action: jest.Mock) {
  render(
    <NextIntlClientProvider locale="id" messages={{ validation: id.validation }}>
      <DepartmentModal copy={copy} action={action} />
    </NextIntlClientProvider>,
  );
}

beforeEach(() => refresh.mockReset());

it("opens an Add Department dialog with Department Name and Save changes, as the manual shows", async () => {
  renderModal(jest.fn());
  expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  await userEvent.click(screen.getByRole("button", { name: "Add New" }));
  expect(screen.getByRole("dialog", { name: "Add Department" })).toBeInTheDocument();
  expect(screen.getByLabelText("Department Name")).toHaveFocus();
  expect(screen.getByRole("button", { name: "Save changes" })).toBeInTheDocument();
});

it("refuses an empty and a 300-character name with Indonesian messages, without calling the server", async () => {
  const action = jest.fn();
  renderModal(action);
  await userEvent.click(screen.getByRole("button", { name: "Add New" }));
  await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
  expect(await screen.findByText("Wajib diisi.")).toBeInTheDocument();
  const input = screen.getByLabelText("Department Name");
  await userEvent.click(input);
  await userEvent.paste("D".repeat(300));
  await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
  expect(await screen.findByText("Maksimal 150 karakter.")).toBeInTheDocument();
  expect(action).not.toHaveBeenCalled();
});

it("shows the server's duplicate-name error in the dialog; on success it closes and refreshes the list", async () => {
  const action = jest
    .fn()
    .mockResolvedValueOnce({ ok: false, fieldErrors: { name: "Nama department sudah ada." } })
    .mockResolvedValueOnce({ ok: true, data: { id: "x" } });
  renderModal(action);
  await userEvent.click(screen.getByRole("button", { name: "Add New" }));
  await userEvent.type(screen.getByLabelText("Department Name"), "Website");
  await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
  expect(await screen.findByText("Nama department sudah ada.")).toBeInTheDocument();
  expect(action).toHaveBeenCalledWith({ name: "Website" });
  await userEvent.clear(screen.getByLabelText("Department Name"));
  await userEvent.type(screen.getByLabelText("Department Name"), "Website OPD");
  await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
  await screen.findByRole("button", { name: "Add New" });
  expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  expect(refresh).toHaveBeenCalled();
});

it("closes with Cancel without saving", async () => {
  const action = jest.fn();
  renderModal(action);
  await userEvent.click(screen.getByRole("button", { name: "Add New" }));
  await userEvent.click(screen.getByRole("button", { name: "Batal" }));
  expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  expect(action).not.toHaveBeenCalled();
});
