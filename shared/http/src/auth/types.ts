/** What a key may do: send events, read reports, run SQL on the lake, ask for predictions, operate the platform. */
export type ApiScope = 'ingest' | 'report' | 'query' | 'predict' | 'import' | 'admin';

/** One API key as stored in the API keys table: never the key itself, only its secret's SHA-256. */
export interface ApiKeyRecord {
  key_id: string;
  tenant: string;
  scopes: ApiScope[];
  /** Hex SHA-256 of the key's secret part */
  secret_hash: string;
  status: 'active' | 'revoked';
  created_at: string;
  /** Set when the key was rotated (the old key keeps working until then) or made to expire */
  expires_at?: string;
  /** Steady requests per second this key may make, in total over every instance of every API */
  rate_limit_per_second: number;
  /** Requests it may make at once above the steady rate */
  burst: number;
  /** The key that replaced this one, after a rotation */
  replaced_by?: string;
  description?: string;
}
