// Jest runs outside Next's react-server condition; the real "server-only" would throw here.
export {};
