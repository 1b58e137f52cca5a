import { isUuid } from "@/lib/validation/zod";
import { getSessionUser } from "@/lib/dal/session";
import { findAvatarName } from "@/lib/dal/profile";
import { FILE_HEADERS, imageResponse, readImage } from "@/lib/storage/images";

/** A user's avatar (re-encoded webp from data/avatars), for signed-in users only. */
export async function GET(_req: Request, { params }: { params: Promise<{ userId: string }> }) {
  const viewer = await getSessionUser();
  if (!viewer) return new Response(null, { status: 401, headers: FILE_HEADERS });
  const { userId } = await params;
  if (!isUuid(userId)) return new Response(null, { status: 404, headers: FILE_HEADERS });
  const data = await readImage("avatars", await findAvatarName(viewer, userId));
  return data ? imageResponse(data) : new Response(null, { status: 404, headers: FILE_HEADERS });
}
