/** The bell counts unread notifications up to this many ("99+"). */
export const UNREAD_CAP = 99;
