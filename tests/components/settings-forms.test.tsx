import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { NextIntlClientProvider } from "next-intl";
import { TestEmailForm } from "@/components/settings/test-email-form";
import { CalendarForm } from "@/components/sla/sla-forms";
import { MailPreferencesForm } from "@/components/profile/mail-preferences-form";
import id from "@/messages/id.json";

const refresh = jest.fn();
jest.mock("next/navigation", () => ({ useRouter: () => ({ push: jest.fn(), refresh }) }));
beforeEach(() => refresh.mockReset());

const intl = (children: React.ReactNode) => (
  <NextIntlClientProvider locale="id" messages={{ validation: id.validation }}>
    {children}
  </NextIntlClientProvider>
);

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const emailCopy = { testTo: id.emailSettings.testTo, testSend: id.emailSettings.testSend, testQueued: id.emailSettings.testQueued };

describe("test e-mail", () => {
  it("says the mail is queued only once the server answered", async () => {
    const server = deferred<{ ok: true; data: null }>();
    const action = jest.fn().mockReturnValue(server.promise);
    render(intl(<TestEmailForm action={action} defaultTo="admin@bantenprov.go.id" copy={emailCopy} />));
    await userEvent.clear(screen.getByLabelText(emailCopy.testTo));
    await userEvent.type(screen.getByLabelText(emailCopy.testTo), "uji@bantenprov.go.id");
    await userEvent.click(screen.getByRole("button", { name: emailCopy.testSend }));

    expect(action).toHaveBeenCalledWith({ to: "uji@bantenprov.go.id" });
    expect(screen.queryByText(emailCopy.testQueued)).not.toBeInTheDocument();
    await act(async () => server.resolve({ ok: true, data: null }));
    expect(await screen.findByRole("status")).toHaveTextContent(emailCopy.testQueued);
    expect(refresh).toHaveBeenCalled();
  });

  it("a refused address stays in the field with the server's reason beside it", async () => {
    const action = jest.fn().mockResolvedValue({ ok: false, formError: id.errors.checkFields, fieldErrors: { to: "Alamat ini tidak menerima e-mail." } });
    render(intl(<TestEmailForm action={action} defaultTo="" copy={emailCopy} />));
    await userEvent.type(screen.getByLabelText(emailCopy.testTo), "salah@contoh.go.id");
    await userEvent.click(screen.getByRole("button", { name: emailCopy.testSend }));

    expect(await screen.findByText("Alamat ini tidak menerima e-mail.")).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent(id.errors.checkFields);
    expect(screen.getByLabelText(emailCopy.testTo)).toHaveValue("salah@contoh.go.id");
    expect(screen.getByLabelText(emailCopy.testTo)).toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByText(emailCopy.testQueued)).not.toBeInTheDocument();
  });
});

describe("Jam Layanan", () => {
  const days = ["1", "2", "3", "4", "5", "6", "7"].map((d) => ({ key: `day${d}`, label: id.sla.weekday[d as "1"] }));
  const initial = { timeZone: "Asia/Jakarta", day1: "07:30-16:00", day2: "07:30-16:00", day3: "07:30-16:00", day4: "07:30-16:00", day5: "07:30-16:30", day6: "", day7: "" };
  const copy = { timeZone: id.sla.timeZone, timeZoneHint: id.sla.timeZoneHint, rangesHint: id.sla.rangesHint, save: id.sla.save, saved: id.sla.saved };

  it("sends the lines as typed and says Tersimpan after the server saved them", async () => {
    const action = jest.fn().mockResolvedValue({ ok: true, data: null });
    render(intl(<CalendarForm action={action} initial={initial} days={days} copy={copy} />));
    await userEvent.clear(screen.getByLabelText(days[5]!.label));
    await userEvent.type(screen.getByLabelText(days[5]!.label), "08:00-12:00");
    await userEvent.click(screen.getByRole("button", { name: copy.save }));

    expect(await screen.findByRole("status")).toHaveTextContent(copy.saved);
    expect(action).toHaveBeenCalledWith({ ...initial, day6: "08:00-12:00" });
  });

  it("a time zone the server refuses stays in the field with the reason", async () => {
    const action = jest.fn().mockResolvedValue({ ok: false, fieldErrors: { timeZone: id.validation.timeZone } });
    render(intl(<CalendarForm action={action} initial={initial} days={days} copy={copy} />));
    await userEvent.clear(screen.getByLabelText(copy.timeZone));
    await userEvent.type(screen.getByLabelText(copy.timeZone), "Asia/Makassar");
    await userEvent.click(screen.getByRole("button", { name: copy.save }));

    expect(await screen.findByText(id.validation.timeZone)).toBeInTheDocument();
    expect(screen.getByLabelText(copy.timeZone)).toHaveValue("Asia/Makassar");
    expect(screen.queryByText(copy.saved)).not.toBeInTheDocument();
  });
});

describe("mail preferences", () => {
  const kinds = id.profile.mailKind;
  const copy = { legend: id.profile.mailLegend, locale: id.profile.mailLocale, submit: id.profile.submit, saved: id.profile.saved, ...kinds };

  it("sends the boxes left ticked and the language, and says saved after the server answered", async () => {
    const action = jest.fn().mockResolvedValue({ ok: true, data: null });
    render(intl(<MailPreferencesForm initial={{ locale: "id", enabled: ["ticketReceived", "staffReply", "statusChanged"] }} kinds={["ticketReceived", "staffReply", "statusChanged"]} action={action} copy={copy} />));
    await userEvent.click(screen.getByLabelText(kinds.staffReply));
    await userEvent.selectOptions(screen.getByLabelText(copy.locale), "en");
    await userEvent.click(screen.getByRole("button", { name: copy.submit }));

    expect(await screen.findByRole("status")).toHaveTextContent(copy.saved);
    expect(action).toHaveBeenCalledWith({ locale: "en", enabled: ["ticketReceived", "statusChanged"] });
  });
});
