import nextJest from "next/jest.js";

const createJestConfig = nextJest({ dir: "./" });

/** The IMAP poller against a running Dovecot (`bash .ci/run` starts one; see README). */
const imapConfig = async () => {
  const config = await createJestConfig({
    displayName: "imap",
    testEnvironment: "node",
    moduleNameMapper: { "^server-only$": "<rootDir>/tests/server-only-stub.ts", "^@/(.*)$": "<rootDir>/$1" },
    globalSetup: "<rootDir>/tests/integration/helpers/global-setup.ts",
    globalTeardown: "<rootDir>/tests/integration/helpers/global-teardown.ts",
    setupFilesAfterEnv: ["<rootDir>/tests/integration/helpers/setup.ts"],
    testMatch: ["<rootDir>/tests/imap/**/*.test.ts"],
  })();
  // As in jest.config.mjs: let next/jest's SWC compile the ESM-only next-intl.
  config.transformIgnorePatterns = ["/node_modules/(?!(next-intl|use-intl|icu-minify|intl-messageformat|@formatjs|@schummar)/)", "^.+\\.module\\.(css|sass|scss)$"];
  return { ...config, testTimeout: 60_000, maxWorkers: 1 };
};

export default imapConfig;
