import { updateFooterSettingsAction } from "@/app/(site)/(dashboard)/dashboard/settings/actions";
import { listAuditLog } from "@/lib/dal/audit";
import { actAs, createUser } from "./helpers/factories";

describe("audit log page data", () => {
  it("lists settings changes for a Super Admin with filters; an Admin is refused", async () => {
    const sa = await createUser({ role: "SUPER_ADMIN" });
    const admin = await createUser({ role: "ADMIN", username: "pengubah" });
    await actAs(admin);
    await updateFooterSettingsAction({ text: "Teks baru", links: [] });
    const result = await listAuditLog(sa, { action: "settings.footer", actor: "pengubah", page: 1 });
    expect(result.total).toBeGreaterThanOrEqual(1);
    expect(result.rows[0]).toMatchObject({ action: "settings.footer", actor: { username: "pengubah" }, after: { text: "Teks baru" } });
    const future = await listAuditLog(sa, { action: "settings.footer", from: new Date(Date.now() + 86_400_000), page: 1 });
    expect(future.total).toBe(0);
    await expect(listAuditLog({ ...admin, avatar: null }, { page: 1 })).rejects.toMatchObject({ reason: "forbidden" });
  });
});
