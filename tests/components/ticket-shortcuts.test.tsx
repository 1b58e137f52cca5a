import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { NextIntlClientProvider } from "next-intl";
import { TicketShortcuts } from "@/components/shortcuts/ticket-shortcuts";
import id from "@/messages/id.json";

const wrap = (ui: React.ReactNode) => (
  <NextIntlClientProvider locale="id" messages={{ shortcuts: id.shortcuts }} timeZone="Asia/Jakarta">
    {ui}
  </NextIntlClientProvider>
);

/** A list as the ticket table draws it: rows with their number links, and the filter bar's search box. */
function ListPage({ take }: { take?: () => void }) {
  return (
    <>
      <label htmlFor="f-q">Cari</label>
      <input id="f-q" name="q" />
      <table>
        <tbody>
          {["HD-2026-000003", "HD-2026-000002", "HD-2026-000001"].map((n) => (
            <tr key={n} data-testid="ticket-row">
              <td>
                <a href={`/dashboard/tickets/${n}`}>{n}</a>
              </td>
              <td>{take && n === "HD-2026-000002" ? <button type="button" data-action="take" onClick={take}>Ambil</button> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <TicketShortcuts where="list" />
    </>
  );
}

describe("keyboard shortcuts", () => {
  it("j and k move through the rows (the row's link takes the focus), / goes to the search box", async () => {
    const user = userEvent.setup();
    render(wrap(<ListPage />));
    await user.keyboard("j");
    expect(screen.getByRole("link", { name: "HD-2026-000003" })).toHaveFocus();
    await user.keyboard("jj");
    expect(screen.getByRole("link", { name: "HD-2026-000001" })).toHaveFocus();
    await user.keyboard("j"); // stays on the last row
    expect(screen.getByRole("link", { name: "HD-2026-000001" })).toHaveFocus();
    await user.keyboard("k");
    expect(screen.getByRole("link", { name: "HD-2026-000002" })).toHaveFocus();
    await user.keyboard("/");
    expect(screen.getByLabelText("Cari")).toHaveFocus();
    expect(screen.getByLabelText("Cari")).toHaveValue(""); // the slash itself is not typed
  });

  it("keys typed into a field are text, not shortcuts", async () => {
    const user = userEvent.setup();
    render(wrap(<ListPage />));
    await user.click(screen.getByLabelText("Cari"));
    await user.keyboard("jk/?a");
    expect(screen.getByLabelText("Cari")).toHaveValue("jk/?a");
    expect(screen.getByLabelText("Cari")).toHaveFocus();
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("a takes the selected row's ticket when the row offers Ambil, and nothing otherwise", async () => {
    const user = userEvent.setup();
    const take = jest.fn();
    render(wrap(<ListPage take={take} />));
    await user.keyboard("ja");
    expect(take).not.toHaveBeenCalled();
    await user.keyboard("ja");
    expect(take).toHaveBeenCalledTimes(1);
  });

  it("? lists the shortcuts in a dialog", async () => {
    const user = userEvent.setup();
    render(wrap(<ListPage />));
    await user.keyboard("?");
    const dialog = screen.getByRole("dialog", { name: "Pintasan papan ketik" });
    expect(dialog).toHaveTextContent("Tiket berikutnya di daftar");
    expect(dialog).toHaveTextContent("Ke kotak pencarian");
  });

  it("on the ticket page r goes to the reply box", async () => {
    const user = userEvent.setup();
    render(
      wrap(
        <>
          <label htmlFor="reply-body">Balas</label>
          <textarea id="reply-body" />
          <TicketShortcuts where="ticket" />
        </>,
      ),
    );
    await user.keyboard("r");
    expect(screen.getByLabelText("Balas")).toHaveFocus();
    expect(screen.getByLabelText("Balas")).toHaveValue("");
  });
});
