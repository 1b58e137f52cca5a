"use client";
import Link from "next/link";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { UNREAD_CAP } from "@/lib/notifications/cap";
import { subscribeUnreadCount } from "./unread-count";

/**
 * Header bell: the unread count (capped by the DAL), linking to the notifications page. The layout
 * gives the count when it renders; a page that reads notifications afterwards updates it in place.
 */
export function NotificationBell({ unread }: { unread: number }) {
  const t = useTranslations("notifications");
  const [count, setCount] = useState(unread);
  // A new number from the layout (a refresh after an action) replaces what pages told the bell.
  const [fromLayout, setFromLayout] = useState(unread);
  if (fromLayout !== unread) {
    setFromLayout(unread);
    setCount(unread);
  }
  useEffect(() => subscribeUnreadCount(setCount), []);
  const shown = count > UNREAD_CAP ? `${UNREAD_CAP}+` : String(count);
  return (
    <Link
      href="/dashboard/notifications"
      aria-label={count ? t("bellUnread", { count: shown }) : t("bell")}
      data-testid="notification-bell"
      data-unread={count}
      className="relative inline-flex items-center rounded p-2 text-slate-700 hover:bg-brand-50"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {count > 0 && (
        <span className="absolute -top-0.5 -right-0.5 rounded-full bg-red-600 px-1.5 text-xs font-bold text-white" data-testid="notification-count">
          {shown}
        </span>
      )}
    </Link>
  );
}
