import { getSettings } from "@/lib/dal/settings";
import { FILE_HEADERS, imageResponse, readImage } from "@/lib/storage/images";

/** The organisation logo from General settings (public: shown in the site header). */
export async function GET() {
  const data = await readImage("branding", (await getSettings("general")).logo);
  return data ? imageResponse(data) : new Response(null, { status: 404, headers: FILE_HEADERS });
}
