/** The fields of a Keycloak ClientRepresentation the platform and the kit set. */
export interface KeycloakClient {
  clientId: string;
  name?: string;
  /** `managed by ultron realm sync` on what an app's realm sync owns (updates and deletes). */
  description?: string;
  enabled: boolean;
  protocol: 'openid-connect';
  publicClient: boolean;
  standardFlowEnabled: boolean;
  implicitFlowEnabled: boolean;
  directAccessGrantsEnabled: boolean;
  serviceAccountsEnabled: boolean;
  bearerOnly?: boolean;
  secret?: string;
  rootUrl?: string;
  redirectUris?: string[];
  webOrigins?: string[];
  attributes?: Record<string, string>;
  protocolMappers?: {
    name: string;
    protocol: 'openid-connect';
    protocolMapper: string;
    config: Record<string, string>;
  }[];
}

type Common = Pick<KeycloakClient, 'clientId' | 'name' | 'description'>;

/** The flow switches: a browser client uses only the code flow, a machine client only client credentials. */
function client(o: Common, kind: 'browser' | 'machine'): KeycloakClient {
  const machine = kind === 'machine';
  return {
    clientId: o.clientId,
    ...(o.name ? { name: o.name } : {}),
    ...(o.description ? { description: o.description } : {}),
    enabled: true,
    protocol: 'openid-connect',
    publicClient: !machine,
    standardFlowEnabled: !machine,
    implicitFlowEnabled: false,
    directAccessGrantsEnabled: false,
    serviceAccountsEnabled: machine,
  };
}

/**
 * A browser client: public (no secret to leak), authorization code with PKCE S256 only, exact redirect
 * URIs and web origins, logout redirects back to the origins.
 */
export function publicPkceClient(
  o: Common &
    Required<Pick<KeycloakClient, 'redirectUris' | 'webOrigins'>> &
    Pick<KeycloakClient, 'rootUrl' | 'protocolMappers'>,
): KeycloakClient {
  return {
    ...client(o, 'browser'),
    ...(o.rootUrl ? { rootUrl: o.rootUrl } : {}),
    redirectUris: [...o.redirectUris],
    webOrigins: [...o.webOrigins],
    attributes: {
      'pkce.code.challenge.method': 'S256',
      'post.logout.redirect.uris': o.webOrigins.join('##'),
    },
    ...(o.protocolMappers ? { protocolMappers: o.protocolMappers } : {}),
  };
}

/** A machine client: confidential, client credentials only (no browser flow, no password grant). */
export function serviceAccountClient(o: Common & { secret: string }): KeycloakClient {
  return { ...client(o, 'machine'), secret: o.secret };
}
