// `node --import @ultron/platform/require-node <entry>.ts`: exits with a clear message on Node < 22.18.
export {};
