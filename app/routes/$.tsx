import { GeneralErrorBoundary } from "~/components/error-boundary";

// Any URL no other route matches: a friendly 404 in the reader's language.
export function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return <GeneralErrorBoundary />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
