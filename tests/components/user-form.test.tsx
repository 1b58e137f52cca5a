import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { NextIntlClientProvider } from "next-intl";
import { UserForm, type UserFormCopy } from "@/components/people/user-form";
import id from "@/messages/id.json";

const push = jest.fn();
jest.mock("next/navigation", () => ({ useRouter: () => ({ push, refresh: jest.fn() }) }));

const copy: UserFormCopy = {
  name: id.users.name,
  username: id.users.username,
  email: id.users.email,
  password: id.users.password,
  passwordHint: id.profile.passwordHint,
  invite: id.users.invite,
  avatar: id.users.avatar,
  avatarHint: id.users.avatarHint,
  role: id.users.role,
  roleAdmin: id.roles.ADMIN,
  roleSuperAdmin: id.roles.SUPER_ADMIN,
  department: id.users.department,
  chooseDepartment: id.users.chooseDepartment,
  designation: id.users.designation,
  agency: id.users.agency,
  chooseAgency: id.users.chooseAgency,
  addAgency: id.users.addAgency,
  addAgencyName: id.users.addAgencyName,
  addAgencySubmit: id.users.addAgencySubmit,
  agencyAdded: id.users.agencyAdded,
  submit: id.users.submit,
  submitting: id.ui.saving,
};

const DEPT = { id: "3f1c7a52-5a7e-4d7c-9c1e-0a3b9c1d2e4f", name: "Jaringan & Bandwidth" };

function renderStaffForm(action: jest.Mock) {
  render(
    <NextIntlClientProvider locale="id" messages={{ validation: id.validation }}>
      <UserForm kind="staff" mode="create" departments={[DEPT]} copy={copy} action={action} doneHref="/dashboard/staff" />
    </NextIntlClientProvider>,
  );
}

beforeEach(() => push.mockReset());

it("shows the Add Staff fields of the manual: name, user name, e-mail, password, avatar, department, designation", () => {
  renderStaffForm(jest.fn());
  for (const label of ["Nama", "Nama pengguna (username)", "E-mail", "Kata sandi", "Avatar", "Department", "Jabatan"]) {
    expect(screen.getByLabelText(label)).toBeInTheDocument();
  }
  expect(screen.getByRole("option", { name: "Jaringan & Bandwidth" })).toBeInTheDocument();
});

it("shows Indonesian field errors and does not submit when the form is incomplete or the password too short", async () => {
  const action = jest.fn();
  renderStaffForm(action);
  await userEvent.type(screen.getByLabelText("E-mail"), "bukan-email");
  await userEvent.type(screen.getByLabelText("Kata sandi"), "pendek");
  await userEvent.click(screen.getByRole("button", { name: "Simpan" }));
  expect(await screen.findByText("Alamat e-mail tidak valid.")).toBeInTheDocument();
  expect(screen.getByText("Minimal 8 karakter.")).toBeInTheDocument();
  expect(screen.getAllByText("Wajib diisi.").length).toBeGreaterThanOrEqual(1);
  expect(screen.getByText("Pilih department.")).toBeInTheDocument(); // the empty required select says what to do
  expect(screen.getByLabelText("Kata sandi")).toHaveAttribute("aria-invalid", "true");
  expect(action).not.toHaveBeenCalled();
});

it("submits FormData with the chosen avatar and shows the server's field error next to the field", async () => {
  const action = jest.fn().mockResolvedValue({ ok: false, fieldErrors: { username: "Username sudah dipakai." } });
  renderStaffForm(action);
  await userEvent.type(screen.getByLabelText("Nama"), "Andi Teknisi");
  await userEvent.type(screen.getByLabelText("Nama pengguna (username)"), "andi");
  await userEvent.type(screen.getByLabelText("E-mail"), "andi@diskominfo.go.id");
  await userEvent.type(screen.getByLabelText("Kata sandi"), "Kopi Tubruk 2026");
  await userEvent.selectOptions(screen.getByLabelText("Department"), DEPT.id);
  await userEvent.type(screen.getByLabelText("Jabatan"), "Teknisi");
  const avatar = new File([new Uint8Array([137, 80, 78, 71])], "andi.png", { type: "image/png" });
  await userEvent.upload(screen.getByLabelText("Avatar"), avatar);
  await userEvent.click(screen.getByRole("button", { name: "Simpan" }));
  expect(await screen.findByText("Username sudah dipakai.")).toBeInTheDocument();
  const sent = action.mock.calls[0][0] as FormData;
  expect(sent.get("username")).toBe("andi");
  expect(sent.get("departmentId")).toBe(DEPT.id);
  expect((sent.get("avatar") as File).name).toBe("andi.png");
  expect(push).not.toHaveBeenCalled();
});

it("goes back to the list after a successful save", async () => {
  const action = jest.fn().mockResolvedValue({ ok: true, data: { id: "x" } });
  render(
    <NextIntlClientProvider locale="id" messages={{ validation: id.validation }}>
      <UserForm kind="client" mode="edit" initial={{ id: "5b0e2a4c-8d1f-4a3b-9c2d-1e0f3a4b5c6d", name: "Siti", username: "siti", email: "siti@x.go.id", agencyId: DEPT.id }} agencies={[DEPT]} copy={copy} action={action} doneHref="/dashboard/clients" />
    </NextIntlClientProvider>,
  );
  expect(screen.queryByLabelText("Kata sandi")).not.toBeInTheDocument();
  await userEvent.click(screen.getByRole("button", { name: "Simpan" }));
  expect(push).toHaveBeenCalledWith("/dashboard/clients");
});

it("Add Client with no OPD yet: an OPD is added in place, selected, and the client saved with it", async () => {
  const NEW_OPD = "7d7f6b0e-1c2a-4b3c-9d4e-5f6a7b8c9d0e";
  const createAgency = jest.fn(async (input: unknown) =>
    (input as { name: string }).name === "Dinas Kesehatan" ? { ok: true as const, data: { id: NEW_OPD } } : { ok: false as const, fieldErrors: { name: "Nama OPD sudah ada." } },
  );
  const action = jest.fn(async () => ({ ok: true as const, data: { id: "x" } }));
  render(
    <NextIntlClientProvider locale="id" messages={{ validation: id.validation }}>
      <UserForm kind="client" mode="create" agencies={[]} copy={copy} action={action} createAgency={createAgency} doneHref="/dashboard/clients" />
    </NextIntlClientProvider>,
  );
  await userEvent.click(screen.getByRole("button", { name: "Simpan" }));
  expect(await screen.findByText("Pilih OPD.")).toBeInTheDocument();

  await userEvent.click(screen.getByText(id.users.addAgency));
  await userEvent.type(screen.getByLabelText(id.users.addAgencyName), "Dinas Pendidikan");
  await userEvent.click(screen.getByRole("button", { name: id.users.addAgencySubmit }));
  expect(await screen.findByText("Nama OPD sudah ada.")).toBeInTheDocument();

  await userEvent.clear(screen.getByLabelText(id.users.addAgencyName));
  await userEvent.type(screen.getByLabelText(id.users.addAgencyName), "Dinas Kesehatan");
  await userEvent.click(screen.getByRole("button", { name: id.users.addAgencySubmit }));
  expect(await screen.findByRole("status")).toHaveTextContent("OPD Dinas Kesehatan ditambahkan dan dipilih.");
  expect(screen.getByLabelText(id.users.agency)).toHaveValue(NEW_OPD);
  expect(screen.queryByText("Pilih OPD.")).not.toBeInTheDocument();

  await userEvent.type(screen.getByLabelText("Nama"), "Siti");
  await userEvent.type(screen.getByLabelText("Nama pengguna (username)"), "siti");
  await userEvent.type(screen.getByLabelText("E-mail"), "siti@dinkes.bantenprov.go.id");
  await userEvent.type(screen.getByLabelText("Kata sandi"), "Kopi Tubruk 2026");
  await userEvent.click(screen.getByRole("button", { name: "Simpan" }));
  expect(action).toHaveBeenCalledTimes(1);
  const sent = (action.mock.calls[0] as unknown as [FormData])[0];
  expect(sent.get("agencyId")).toBe(NEW_OPD);
});
