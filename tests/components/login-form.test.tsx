import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { NextIntlClientProvider } from "next-intl";
import { signIn } from "next-auth/react";
import { LoginForm, safeCallback, type LoginFormCopy } from "@/components/auth/login-form";
import id from "@/messages/id.json";

jest.mock("next-auth/react", () => ({ signIn: jest.fn() }));
const mockedSignIn = signIn as jest.MockedFunction<typeof signIn>;

const copy: LoginFormCopy = {
  identifier: id.login.identifier,
  password: id.login.password,
  submit: id.login.submit,
  submitting: id.login.submitting,
  invalid: id.login.invalid,
  locked: id.login.locked,
  failed: id.login.failed,
  required: id.validation.required,
};

function renderForm() {
  render(
    <NextIntlClientProvider locale="id" messages={{ validation: id.validation }}>
      <LoginForm copy={copy} />
    </NextIntlClientProvider>,
  );
}

beforeEach(() => mockedSignIn.mockReset());

it("shows Indonesian field errors and does not call the server when fields are empty", async () => {
  renderForm();
  await userEvent.click(screen.getByRole("button", { name: "Masuk" }));
  expect(await screen.findAllByText("Wajib diisi.")).toHaveLength(2);
  expect(mockedSignIn).not.toHaveBeenCalled();
});

it("shows one message for wrong credentials, whatever the cause", async () => {
  mockedSignIn.mockResolvedValue({ ok: false, error: "CredentialsSignin", status: 401, url: null, code: undefined } as never);
  renderForm();
  await userEvent.type(screen.getByLabelText("Username atau e-mail"), "budi");
  await userEvent.type(screen.getByLabelText("Password"), "salah");
  await userEvent.click(screen.getByRole("button", { name: "Masuk" }));
  expect(await screen.findByRole("alert")).toHaveTextContent("Username/e-mail atau password salah.");
  expect(mockedSignIn).toHaveBeenCalledWith("credentials", { identifier: "budi", password: "salah", redirect: false });
});

it("tells a locked-out user how many minutes to wait", async () => {
  mockedSignIn.mockResolvedValue({ ok: false, error: "LOCKED:12", status: 401, url: null } as never);
  renderForm();
  await userEvent.type(screen.getByLabelText("Username atau e-mail"), "budi");
  await userEvent.type(screen.getByLabelText("Password"), "apa-saja");
  await userEvent.click(screen.getByRole("button", { name: "Masuk" }));
  expect(await screen.findByRole("alert")).toHaveTextContent("Coba lagi dalam 12 menit.");
});

it("shows the pending state while the login is in flight", async () => {
  let finish: (value: unknown) => void = () => undefined;
  mockedSignIn.mockReturnValue(new Promise((resolve) => (finish = resolve)) as never);
  renderForm();
  await userEvent.type(screen.getByLabelText("Username atau e-mail"), "budi");
  await userEvent.type(screen.getByLabelText("Password"), "apa-saja");
  await userEvent.click(screen.getByRole("button", { name: "Masuk" }));
  expect(await screen.findByRole("button", { name: "Memproses…" })).toBeDisabled();
  finish({ ok: false, error: "CredentialsSignin" });
  expect(await screen.findByRole("alert")).toBeInTheDocument();
});

describe("where the form sends the user after login", () => {
  const origin = "http://helpdesk.example";
  it.each([
    ["/dashboard/tickets/new", "/dashboard/tickets/new"],
    ["/dashboard/tickets?status=OPEN#top", "/dashboard/tickets?status=OPEN#top"],
    ["//evil.example/", "/dashboard"],
    ["/\t/evil.example", "/dashboard"],
    ["/\n/evil.example", "/dashboard"],
    ["/\\evil.example", "/dashboard"],
    ["https://evil.example/", "/dashboard"],
    ["javascript:alert(1)", "/dashboard"],
    [undefined, "/dashboard"],
  ])("callbackUrl %j → %s", (input, expected) => {
    expect(safeCallback(input, origin)).toBe(expected);
  });
});
