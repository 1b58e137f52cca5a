/** The element id of a message on the ticket page: a notification's link scrolls there. */
export const messageAnchor = (messageId: string) => `message-${messageId}`;
