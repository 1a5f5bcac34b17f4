import { Link } from "react-router";

export function NotFoundPage() {
  return (
    <section aria-labelledby="not-found-heading">
      <h1 id="not-found-heading">Not found</h1>
      <p>
        There is no page here. <Link to="/">Back to the items</Link>
      </p>
    </section>
  );
}
