/** `ghcr.io/acme/app:sha-3f9c2a1`, `ghcr.io/acme/app@sha256:…`, or both tag and digest. */
export interface ImageRef {
  repository: string;
  tag?: string;
  digest?: string;
}

/** Splits an image reference; a colon before the last slash is a registry port, not a tag. */
export function parseImageRef(reference: string): ImageRef {
  const at = reference.indexOf('@');
  const digest = at >= 0 ? reference.slice(at + 1) : undefined;
  const named = at >= 0 ? reference.slice(0, at) : reference;
  // A colon after the last slash separates the tag; one before it belongs to a registry port.
  const colon = named.lastIndexOf(':');
  const hasTag = colon > named.lastIndexOf('/');
  return {
    repository: hasTag ? named.slice(0, colon) : named,
    ...(hasTag ? { tag: named.slice(colon + 1) } : {}),
    ...(digest ? { digest } : {}),
  };
}

export function formatImageRef(ref: ImageRef): string {
  return `${ref.repository}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}
