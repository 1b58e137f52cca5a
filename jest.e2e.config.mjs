import nextJest from "next/jest.js";

const createJestConfig = nextJest({ dir: "./" });

/** End-to-end: one real server (npm start on PostgreSQL) for the run, Chromium via playwright-core. */
const e2eConfig = async () => {
  const config = await createJestConfig({
    displayName: "e2e",
    testEnvironment: "node",
    moduleNameMapper: { "^server-only$": "<rootDir>/tests/server-only-stub.ts", "^@/(.*)$": "<rootDir>/$1" },
    testMatch: ["<rootDir>/tests/e2e/**/*.e2e.ts"],
    globalSetup: "<rootDir>/tests/e2e/helpers/global-setup.ts",
    globalTeardown: "<rootDir>/tests/e2e/helpers/global-teardown.ts",
  })();
  return { ...config, testTimeout: 120_000, maxWorkers: 1 };
};

export default e2eConfig;
