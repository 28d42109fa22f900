/**
 * Where to go after signing in. Only paths of this site are accepted, so a crafted `?next=`
 * cannot send the visitor to another host (`//evil.example`, `/\evil.example`, `https://…`).
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return '/';
  }

  return next;
}
