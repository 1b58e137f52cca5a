import { changePasswordAction } from "@/app/(site)/(dashboard)/dashboard/password/actions";
import { LOGIN_LIMITS } from "@/lib/auth/login-rate-limit";
import { actAs, createUser, TEST_PASSWORD } from "./helpers/factories";
import { testDb } from "./helpers/test-db";

it("someone holding a session cannot guess the current password without limit", async () => {
  const user = await createUser();
  await actAs(user);
  const attempt = (currentPassword: string) =>
    changePasswordAction({ currentPassword, newPassword: "Benar-Benar-Baru-77", confirmPassword: "Benar-Benar-Baru-77" });

  for (let i = 0; i < LOGIN_LIMITS.perAccountIp; i++) {
    expect(await attempt(`tebakan-${i}`)).toMatchObject({ ok: false, fieldErrors: { currentPassword: expect.any(String) } });
  }
  expect(await attempt(TEST_PASSWORD)).toEqual({
    ok: false,
    fieldErrors: { currentPassword: "Terlalu banyak percobaan. Coba lagi dalam 15 menit." },
  });
  const after = await testDb().user.findUniqueOrThrow({ where: { id: user.id } });
  expect(after.passwordHash).toBe(user.passwordHash);
});
