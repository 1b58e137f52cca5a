import { render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { TicketStatusTabs } from "@/components/tickets/ticket-filters";
import id from "@/messages/id.json";

const slaTabs = { overdue: id.sla.overdueTab, dueSoon: id.sla.dueSoonTab, dueSoonHint: "" };
const counts = { ALL: 5000, OPEN: 1200, IN_PROGRESS: 900, WAITING: 400, RESOLVED: 1500, CLOSED: 1000 };

function tabs(list: Parameters<typeof TicketStatusTabs>[0]["list"]) {
  render(
    <NextIntlClientProvider locale="id" messages={{ tickets: id.tickets }}>
      <TicketStatusTabs filters={{ q: "internet" }} list={list} slaTabs={slaTabs} />
    </NextIntlClientProvider>,
  );
}

it("labels a capped search's status counts as lower bounds; its service-level tabs show 1000+ or no number, never a misleading one", () => {
  tabs({ counts, countsCapped: true, slaCounts: { overdue: 1000, dueSoon: 0, atLeast: true } });
  expect(screen.getByRole("link", { name: /Terbuka/ })).toHaveTextContent("(1200+)");
  expect(screen.getByRole("link", { name: new RegExp(id.sla.overdueTab) })).toHaveTextContent("(1000+)");
  expect(screen.getByRole("link", { name: new RegExp(id.sla.dueSoonTab) })).toHaveTextContent(new RegExp(`^${id.sla.dueSoonTab}\\s*$`));
});

it("shows exact numbers when everything was counted, and 1000+ at the service-level cap", () => {
  tabs({ counts: { ...counts, ALL: 4999 }, countsCapped: false, slaCounts: { overdue: 1000, dueSoon: 3 } });
  expect(screen.getByRole("link", { name: /Terbuka/ })).toHaveTextContent("(1200)");
  expect(screen.getByRole("link", { name: new RegExp(id.sla.overdueTab) })).toHaveTextContent("(1000+)");
  expect(screen.getByRole("link", { name: new RegExp(id.sla.dueSoonTab) })).toHaveTextContent("(3)");
});
