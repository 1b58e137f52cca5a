import "server-only";
import type { Role } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/dal/users";
import { getSettings } from "@/lib/dal/settings";
import { countUnreadNotifications } from "@/lib/dal/notifications";
import { countMyOverdueTickets } from "@/lib/dal/tickets";

/** Who is signed in, as the dashboard's header shows them. */
export type ChromeViewer = {
  id: string;
  name: string;
  role: Role;
  hasAvatar: boolean;
  /** Unread notifications (capped), and for staff their own tickets past a due time. */
  unread: number;
  overdue: number;
  appName: string;
};

/** What the dashboard header shows of the signed-in user: name, role, bell, (staff) own overdue tickets. */
export async function dashboardViewer(user: SessionUser): Promise<ChromeViewer> {
  const [general, unread, overdue] = await Promise.all([
    getSettings("general"),
    countUnreadNotifications(user),
    user.role === "STAFF" ? countMyOverdueTickets(user) : 0,
  ]);
  return { id: user.id, name: user.name, role: user.role, hasAvatar: !!user.avatar, unread, overdue, appName: general.appName };
}
