import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { NextIntlClientProvider } from "next-intl";
import { Component, type ReactNode } from "react";
import { TicketList } from "@/components/tickets/ticket-list";
import { TicketPage, type TicketPageActions } from "@/components/tickets/ticket-page";
import { ticketDataUrl } from "@/lib/validation/tickets";
import type { TicketListView, TicketListViewRow } from "@/lib/views/ticket-list";
import type { TicketPageView } from "@/lib/views/ticket-page";
import id from "@/messages/id.json";

// The browser's edges: the address (what the page's links and pushState change) and the router.
let search = new URLSearchParams();
const replace = jest.fn();
const router = { replace, push: jest.fn(), refresh: jest.fn(), prefetch: jest.fn() };
jest.mock("next/navigation", () => ({
  useSearchParams: () => search,
  useRouter: () => router,
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
}));

const messages = { common: id.common, validation: id.validation, tickets: id.tickets, reports: id.reports, attachments: id.attachments, sla: id.sla, triage: id.triage, shortcuts: id.shortcuts, savedFilters: id.savedFilters };
const wrap = (ui: ReactNode) => (
  <NextIntlClientProvider locale="id" messages={messages} timeZone="Asia/Jakarta">
    {ui}
  </NextIntlClientProvider>
);

/** The server's answers, one per fetch, in order: a view (200), a status, or a network failure. */
let answers: (object | number | "offline")[] = [];
const fetched: string[] = [];
beforeEach(() => {
  answers = [];
  fetched.length = 0;
  replace.mockReset();
  search = new URLSearchParams();
  global.fetch = jest.fn(async (url: string | URL | Request, init?: RequestInit) => {
    // As the browser's fetch does: anything but an AbortSignal as `signal` is refused.
    if (init?.signal !== undefined && !(init.signal instanceof AbortSignal)) throw new TypeError("Failed to execute 'fetch': member signal is not of type AbortSignal.");
    fetched.push(String(url));
    const next = answers.shift();
    if (next === undefined || next === "offline") throw new TypeError("Failed to fetch");
    // What the hook reads of a fetch Response (jsdom has no Response class).
    const status = typeof next === "number" ? next : 200;
    return { status, ok: status < 400, json: async () => (typeof next === "number" ? {} : next) } as Response;
  }) as typeof fetch;
});

let stamp = 1_000;
function row(subject: string): TicketListViewRow {
  return { id: subject, number: `HD-2026-${subject}`, subject, status: "OPEN", priority: "NORMAL", pendingPriority: null, department: "Jaringan", client: "Dinas A", agency: "OPD A", assignee: null, canTake: false, created: "7 Des 2026 09.00", sla: null };
}
function listView(subjects: string[], filters: TicketListView["filters"] = {}): TicketListView {
  const n = subjects.length;
  return {
    at: ++stamp,
    filters,
    staffSide: true,
    canExport: false,
    list: { rows: subjects.map(row), page: 1, hasNext: false, counts: { ALL: n, OPEN: n, IN_PROGRESS: 0, WAITING: 0, RESOLVED: 0, CLOSED: 0 }, countsCapped: false, slaCounts: { overdue: 0, dueSoon: 0 } },
    options: null,
    sla: { column: "SLA", tabs: null },
  };
}
const options = { departments: [], agencies: [], assignees: [] };

function showList(first: TicketListView, url = "/api/tickets/list?") {
  return render(wrap(<TicketList initial={{ url, view: first }} options={options} />));
}

describe("ticket list", () => {
  it("shows the server's first view at once, without a request", () => {
    showList(listView(["Internet putus"]));
    expect(screen.getByText("Internet putus")).toBeInTheDocument();
    expect(screen.getByTestId("ticket-list")).toHaveAttribute("aria-busy", "false");
    expect(fetched).toEqual([]);
  });

  it("a new address keeps the rows on screen while it loads, then shows only its own answer", async () => {
    const { rerender } = showList(listView(["Internet putus", "Website lambat"]));
    answers = [listView(["Internet putus"], { status: "OPEN" })];
    search = new URLSearchParams("status=OPEN");
    rerender(wrap(<TicketList initial={{ url: "/api/tickets/list?", view: listView([]) }} options={options} />));
    expect(screen.getByRole("status")).toHaveTextContent(id.tickets.loading);
    expect(screen.getByText("Website lambat")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText("Website lambat")).not.toBeInTheDocument());
    expect(screen.getByText("Internet putus")).toBeInTheDocument();
    expect(fetched).toEqual(["/api/tickets/list?status=OPEN"]);
  });

  it("an empty view says there are no tickets", () => {
    showList(listView([]));
    expect(screen.getByText(id.tickets.empty)).toBeInTheDocument();
  });

  it("a failed load says so with Coba lagi, and Coba lagi loads it", async () => {
    const { rerender } = showList(listView(["Internet putus"]));
    answers = ["offline", listView(["Server mati"], { q: "server" })];
    search = new URLSearchParams("q=server");
    rerender(wrap(<TicketList initial={{ url: "/api/tickets/list?", view: listView([]) }} options={options} />));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(id.tickets.loadFailed);
    await userEvent.click(screen.getByRole("button", { name: id.common.tryAgain }));
    expect(await screen.findByText("Server mati")).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("a session that ended sends the user to the login and back to this list", async () => {
    window.history.replaceState(null, "", "/dashboard/tickets?q=vpn");
    const { rerender } = showList(listView(["Internet putus"]));
    answers = [401];
    search = new URLSearchParams("q=vpn");
    rerender(wrap(<TicketList initial={{ url: "/api/tickets/list?", view: listView([]) }} options={options} />));
    await waitFor(() => expect(replace).toHaveBeenCalledWith(`/login?callbackUrl=${encodeURIComponent("/dashboard/tickets?q=vpn")}`));
  });
});

class Boundary extends Component<{ children: ReactNode }, { error: string | null }> {
  state = { error: null };
  static getDerivedStateFromError(e: Error) {
    return { error: e.message };
  }
  render() {
    return this.state.error ? <p>boundary: {this.state.error}</p> : this.props.children;
  }
}

function ticketView(status: TicketPageView["ticket"]["status"], replies: string[]): TicketPageView {
  return {
    at: ++stamp,
    ticket: {
      id: "0b4a3c3e-2f7a-4c1e-9d55-5a8f0f6b9e11",
      number: "HD-2026-000001",
      subject: "Internet kantor putus",
      description: "Sejak pagi",
      status,
      priority: "NORMAL",
      suggestedPriority: null,
      suggestionPending: false,
      departmentId: "d1",
      assigneeId: null,
      clientId: "c1",
      createdById: "c1",
      department: "Jaringan",
      client: "Budi",
      agency: "Dinas Kominfo",
      createdBy: "Budi",
      assignee: null,
      mergedIntoId: null,
      rating: null,
      ratingComment: null,
      attachments: [],
      can: { work: false, reply: true, statuses: [], rate: false, take: false },
      created: "7 Des 2026 09.00",
      messages: replies.map((body, i) => ({ id: `m${i}`, body, internal: false, author: "Staff A", authorRole: "STAFF", mergedFrom: null, attachments: [], when: "7 Des 2026 10.00" })),
      activities: [],
    },
    sla: null,
    manage: null,
    limits: { allowedExtensions: ["png"], maxFileSizeMb: 5, maxFilesPerMessage: 3 },
    relations: { mergedInto: null, links: [], linkCount: 0, can: { merge: false, link: false } },
    unread: 0,
    followers: { list: [], me: "c1", following: false, canManage: false, candidates: [] },
  };
}
const url = ticketDataUrl("HD-2026-000001");
const actions = (reply: TicketPageActions["reply"]): TicketPageActions => ({ reply, update: jest.fn(), rate: jest.fn(), take: jest.fn() });

describe("ticket page", () => {
  it("shows the ticket from the page itself, with the client's OPD, without a request", () => {
    render(wrap(<TicketPage initial={{ url, view: ticketView("OPEN", []) }} actions={actions(jest.fn())} />));
    expect(screen.getByRole("heading", { name: "Internet kantor putus" })).toBeInTheDocument();
    expect(screen.getByText(/Dinas Kominfo/)).toBeInTheDocument();
    expect(fetched).toEqual([]);
  });

  it("after a reply the ticket is fetched again and the reply shows", async () => {
    const reply = jest.fn(async () => ({ ok: true as const, data: { id: "m0" } }));
    render(wrap(<TicketPage initial={{ url, view: ticketView("OPEN", []) }} actions={actions(reply)} />));
    answers = [ticketView("IN_PROGRESS", ["Sedang kami periksa"])];
    await userEvent.type(screen.getByLabelText(id.tickets.detail.reply), "Terima kasih");
    await userEvent.click(screen.getByRole("button", { name: id.tickets.detail.send }));
    expect(await screen.findByText("Sedang kami periksa")).toBeInTheDocument();
    expect(screen.getByTestId("ticket-status")).toHaveTextContent(id.tickets.status.IN_PROGRESS);
    expect(fetched).toEqual([url]);
  });

  it("a client's status button saves, and the ticket is fetched again with the new status", async () => {
    const update = jest.fn(async () => ({ ok: true as const, data: { changed: 1 } }));
    const view = ticketView("IN_PROGRESS", ["Sedang kami periksa"]);
    view.ticket.can.statuses = ["RESOLVED"];
    render(wrap(<TicketPage initial={{ url, view }} actions={{ reply: jest.fn(), update, rate: jest.fn(), take: jest.fn() }} />));
    answers = [ticketView("RESOLVED", ["Sedang kami periksa"])];
    await userEvent.click(screen.getByRole("button", { name: id.tickets.detail.markResolved }));
    await waitFor(() => expect(screen.getByTestId("ticket-status")).toHaveTextContent(id.tickets.status.RESOLVED));
    expect(update).toHaveBeenCalledWith({ ticketId: view.ticket.id, status: "RESOLVED" });
    expect(fetched).toEqual([url]);
  });

  it("a failed refresh keeps the ticket on screen", async () => {
    const reply = jest.fn(async () => ({ ok: true as const, data: { id: "m0" } }));
    render(wrap(<TicketPage initial={{ url, view: ticketView("OPEN", []) }} actions={actions(reply)} />));
    answers = ["offline"];
    await userEvent.type(screen.getByLabelText(id.tickets.detail.reply), "Halo");
    await userEvent.click(screen.getByRole("button", { name: id.tickets.detail.send }));
    await waitFor(() => expect(fetched).toEqual([url]));
    expect(screen.getByRole("heading", { name: "Internet kantor putus" })).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("a ticket gone from this user's sight on refresh shows the page's not-found", async () => {
    const reply = jest.fn(async () => ({ ok: true as const, data: { id: "m0" } }));
    render(wrap(<Boundary><TicketPage initial={{ url, view: ticketView("OPEN", []) }} actions={actions(reply)} /></Boundary>));
    answers = [404];
    await userEvent.type(screen.getByLabelText(id.tickets.detail.reply), "Halo");
    await userEvent.click(screen.getByRole("button", { name: id.tickets.detail.send }));
    expect(await screen.findByText("boundary: NEXT_NOT_FOUND")).toBeInTheDocument();
  });

  it("Back to a page rendered earlier shows the newest state seen, and checks with the server", async () => {
    const first = ticketView("OPEN", []);
    const reply = jest.fn(async () => ({ ok: true as const, data: { id: "m0" } }));
    const page = render(wrap(<TicketPage key="a" initial={{ url, view: first }} actions={actions(reply)} />));
    answers = [ticketView("IN_PROGRESS", ["Balasan pertama"])];
    await userEvent.type(screen.getByLabelText(id.tickets.detail.reply), "Halo");
    await userEvent.click(screen.getByRole("button", { name: id.tickets.detail.send }));
    await screen.findByText("Balasan pertama");
    page.unmount();
    // Restored from the router's cache: the same first view as before.
    answers = [ticketView("RESOLVED", ["Balasan pertama", "Sudah beres"])];
    await act(async () => {
      render(wrap(<TicketPage key="b" initial={{ url, view: first }} actions={actions(reply)} />));
    });
    expect(screen.getByText("Balasan pertama")).toBeInTheDocument();
    expect(await screen.findByText("Sudah beres")).toBeInTheDocument();
    expect(fetched).toEqual([url, url]);
  });
});
