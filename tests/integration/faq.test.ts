import { createFaqAction, setFaqPublishedAction, updateFaqAction } from "@/app/(site)/(dashboard)/dashboard/faq/actions";
import { GET as suggest } from "@/app/api/faq/suggest/route";
import { searchPublishedFaqs } from "@/lib/dal/faq";
import { actAs, createUser } from "./helpers/factories";
import { testDb } from "./helpers/test-db";

describe("FAQ (screens 15–16) and the public search", () => {
  it("a published FAQ is found by the suggestion route; an unpublished one is not", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const dept = await testDb().department.create({ data: { name: "Jaringan" } });
    await actAs(admin);
    const created = await createFaqAction({ departmentId: dept.id, subject: "Internet kantor lambat", description: "Periksa kabel LAN dan restart router.", published: true });
    expect(created).toMatchObject({ ok: true });
    const hidden = await createFaqAction({ departmentId: dept.id, subject: "Internet rahasia", description: "draf", published: false });
    const res = await suggest(new Request("http://localhost/api/faq/suggest?q=internet%20lamb"));
    expect(await res.json()).toEqual([{ id: (created as { data: { id: string } }).data.id, subject: "Internet kantor lambat", department: "Jaringan" }]);

    const hiddenId = (hidden as { data: { id: string } }).data.id;
    expect(await setFaqPublishedAction({ id: hiddenId, published: true })).toMatchObject({ ok: true });
    expect((await searchPublishedFaqs("rahasia", 5)).map((f) => f.id)).toEqual([hiddenId]);
    expect(await updateFaqAction({ id: hiddenId, departmentId: dept.id, subject: "Internet rahasia", description: "draf", published: false })).toMatchObject({ ok: true });
    expect(await searchPublishedFaqs("rahasia", 5)).toEqual([]);
  });

  it("search input cannot inject tsquery syntax", async () => {
    expect(await searchPublishedFaqs("a & | ! ( ) :* '", 5)).toEqual([]);
    const res = await suggest(new Request("http://localhost/api/faq/suggest?q=%27%29%3B%20DROP%20TABLE"));
    expect(res.status).toBe(200);
  });
});
