/** The server's (or the network's) words about what failed, announced as they appear; nothing when all is well. */
export function ErrorAlert({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p class="alert alert-error" role="alert">
      {message}
    </p>
  );
}
