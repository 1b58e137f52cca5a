import nextJest from "next/jest.js";

const createJestConfig = nextJest({ dir: "./" });

const shared = {
  moduleNameMapper: {
    "^server-only$": "<rootDir>/tests/server-only-stub.ts",
    "^@/(.*)$": "<rootDir>/$1",
  },
};

/** @returns {Promise<import("jest").Config>} */
const jestConfig = async () => {
  const unit = await createJestConfig({
    ...shared,
    displayName: "unit",
    testEnvironment: "node",
    testMatch: ["<rootDir>/tests/unit/**/*.test.ts"],
  })();
  const components = await createJestConfig({
    ...shared,
    displayName: "components",
    testEnvironment: "jsdom",
    setupFilesAfterEnv: ["<rootDir>/tests/components/setup.ts"],
    testMatch: ["<rootDir>/tests/components/**/*.test.tsx"],
  })();
  const integration = await createJestConfig({
    ...shared,
    displayName: "integration",
    testEnvironment: "node",
    globalSetup: "<rootDir>/tests/integration/helpers/global-setup.ts",
    globalTeardown: "<rootDir>/tests/integration/helpers/global-teardown.ts",
    setupFilesAfterEnv: ["<rootDir>/tests/integration/helpers/setup.ts"],
    testMatch: ["<rootDir>/tests/integration/**/*.test.ts"],
  })();
  // next-intl and its formatters ship ESM only: let next/jest's SWC transform compile them.
  const esm = "next-intl|use-intl|icu-minify|intl-messageformat|@formatjs|@schummar";
  for (const project of [unit, components, integration]) {
    project.transformIgnorePatterns = [`/node_modules/(?!(${esm})/)`, "^.+\\.module\\.(css|sass|scss)$"];
  }
  // testTimeout is a global option (ignored inside a project); argon2 and PGlite start-up are slow on 2 busy cores.
  return { projects: [unit, components, integration], maxWorkers: 2, testTimeout: 60_000 };
};

export default jestConfig;
