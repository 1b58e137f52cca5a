import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { publishUnreadCount } from "@/components/notifications/unread-count";
import { TicketFollowers } from "@/components/tickets/ticket-followers";
import id from "@/messages/id.json";

jest.mock("next/navigation", () => ({ useRouter: () => ({ refresh: jest.fn(), push: jest.fn() }) }));

const wrap = (ui: ReactNode) => (
  <NextIntlClientProvider locale="id" messages={{ common: id.common, validation: id.validation, notifications: id.notifications, followers: id.followers }} timeZone="Asia/Jakarta">
    {ui}
  </NextIntlClientProvider>
);

describe("the header's bell", () => {
  it("shows the number a page tells it (a ticket just opened), and the layout's number when the layout renders again", () => {
    const { rerender } = render(wrap(<NotificationBell unread={3} />));
    expect(screen.getByRole("link", { name: "Notifikasi, 3 belum dibaca" })).toBeInTheDocument();
    act(() => publishUnreadCount(2));
    expect(screen.getByRole("link", { name: "Notifikasi, 2 belum dibaca" })).toBeInTheDocument();
    act(() => publishUnreadCount(0));
    expect(screen.getByRole("link", { name: "Notifikasi" })).toBeInTheDocument();
    expect(screen.queryByTestId("notification-count")).toBeNull();
    rerender(wrap(<NotificationBell unread={120} />));
    expect(screen.getByTestId("notification-count")).toHaveTextContent("99+");
  });
});

describe("the followers block", () => {
  const followers = {
    list: [{ id: "u-rekan", name: "Rekan Satu OPD", role: "Client" }],
    me: "u-staf",
    following: false,
    canManage: true,
    candidates: [{ value: "9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f", label: "Staff B (Staff)" }],
  };

  it("a refused follower shows the server's message on the field", async () => {
    const add = jest.fn().mockResolvedValue({ ok: false, fieldErrors: { userId: "Orang ini tidak dapat mengikuti tiket ini." } });
    const onChanged = jest.fn().mockResolvedValue(undefined);
    render(wrap(<TicketFollowers ticketId="t1" followers={followers} actions={{ add, remove: jest.fn() }} onChanged={onChanged} />));
    await userEvent.selectOptions(screen.getByLabelText("Staf, atau klien dari OPD yang sama"), "9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f");
    await userEvent.click(screen.getByRole("button", { name: "Tambah pengikut" }));
    expect(await screen.findByText("Orang ini tidak dapat mengikuti tiket ini.")).toBeInTheDocument();
    expect(add).toHaveBeenCalledWith({ ticketId: "t1", userId: "9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f" });
    expect(onChanged).not.toHaveBeenCalled();
  });

  it("staff follow the ticket themselves in one click", async () => {
    const add = jest.fn().mockResolvedValue({ ok: true, data: null });
    const onChanged = jest.fn().mockResolvedValue(undefined);
    render(wrap(<TicketFollowers ticketId="t1" followers={followers} actions={{ add, remove: jest.fn() }} onChanged={onChanged} />));
    await userEvent.click(screen.getByRole("button", { name: "Ikuti tiket ini" }));
    expect(add).toHaveBeenCalledWith({ ticketId: "t1", userId: "u-staf" });
    expect(onChanged).toHaveBeenCalled();
  });
});
