import type { AgentId, ApiScope, ApiToken, SiteId } from '@hearth/protocol';

export interface NewApiToken {
  id: string;
  siteId: SiteId;
  name: string;
  /** Hex SHA-256 of the token. */
  tokenHash: string;
  prefix: string;
  scopes: ApiScope[];
  createdBy: AgentId;
  expiresAt: number | null;
  /** Epoch ms. */
  now: number;
}

/** The token behind a bearer header, as the API's auth hook sees it. */
export interface ApiTokenGrant {
  id: string;
  siteId: SiteId;
  name: string;
  scopes: ApiScope[];
  expiresAt: number | null;
  revokedAt: number | null;
  lastUsedAt: number | null;
}

/** A stored first answer to a POST with an Idempotency-Key. `statusCode` 0: still running. */
export interface IdempotentAnswer {
  requestHash: string;
  statusCode: number;
  body: string;
}

/** API tokens, the idempotency records of their calls (`api_tokens`, `api_idempotency`), and reads only the API needs. */
export interface ApiStore {
  /** One row. */
  create(token: NewApiToken): Promise<ApiToken>;
  /** The site's tokens, newest first, revoked ones included. */
  listOf(siteId: SiteId): Promise<ApiToken[]>;
  /** Marks the site's token revoked. False when it is not the site's or was already revoked. */
  revoke(siteId: SiteId, id: string, now: number): Promise<boolean>;
  /** The token with this hash, whatever its state (the caller checks expiry and revocation). */
  byHash(tokenHash: string): Promise<ApiTokenGrant | null>;
  /** Records a use (the console's "last used"). One UPDATE. */
  touch(id: string, now: number): Promise<void>;
  /**
   * Reserves `key` for this token's call: inserts a running record (statusCode 0) and returns
   * null, or returns the record another call already holds (running or answered). One INSERT …
   * ON CONFLICT DO NOTHING, so of two concurrent calls exactly one runs.
   */
  reserveKey(tokenId: string, key: string, requestHash: string, now: number): Promise<IdempotentAnswer | null>;
  /** Stores the answer of the call that reserved `key`. */
  answerKey(tokenId: string, key: string, statusCode: number, body: string): Promise<void>;
  /** Frees a reservation whose call failed with a server error, so a retry runs again. */
  releaseKey(tokenId: string, key: string): Promise<void>;
  /** Deletes records created before `before`. Returns how many. */
  trimKeys(before: number): Promise<number>;
  /** The site's members with their routing status, by name. */
  agents(siteId: SiteId): Promise<ApiAgent[]>;
}

/** GET /api/v1/agents: a member and whether they take chats now. */
export interface ApiAgent {
  id: AgentId;
  name: string;
  role: 'owner' | 'agent';
  status: 'online' | 'away' | 'offline';
}

declare module '../store/store.ts' {
  interface StoreTx {
    api: ApiStore;
  }
}
