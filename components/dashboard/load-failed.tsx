import { useTranslations } from "next-intl";

/** A page's data could not be loaded: what happened, in the page's words, and "Coba lagi". */
export function LoadFailed({ text, onRetry }: { text: string; onRetry: () => void }) {
  const tCommon = useTranslations("common");
  return (
    <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
      {text}{" "}
      <button type="button" onClick={onRetry} className="font-semibold underline">
        {tCommon("tryAgain")}
      </button>
    </div>
  );
}
