// Generated from contracts/openapi.yaml by `npm run generate`. Do not edit.
export interface paths {
    "/bid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ingest one bid */
        post: operations["postBid"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/impression": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ingest one impression (a won bid) */
        post: operations["postImpression"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/click": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ingest one click */
        post: operations["postClick"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ingest a batch of up to 500 mixed events
         * @description Each item is validated on its own; valid items are written with Kinesis PutRecords and
         *     the response reports every item's outcome in request order. The status is 200 when at
         *     least one item was accepted or every item was rejected for its content, and 429 (the stream
         *     is throttled: items `stream_throttled`) or 503 (it is unavailable: `stream_unavailable`),
         *     both with `Retry-After`, when no item could be written because the stream refused them.
         *     An item is `accepted` only once it is durably in the stream.
         */
        post: operations["postEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Campaigns with activity in a time range, with their totals (top-N) */
        get: operations["listCampaignReports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/campaigns/{campaign_item_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Totals of one campaign (zeros for a campaign with no data) */
        get: operations["getCampaignReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/campaigns/{campaign_item_id}/period": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A campaign's counts per minute, hour, day, week or month in a timezone
         * @description Windows are regrouped into buckets that start at the period's boundary in `timezone` (weeks
         *     start on Monday), and only windows that start within [`from`, `to`) are counted.
         */
        get: operations["getCampaignPeriodReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orphans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Impressions and clicks that can no longer join (orphans), counted and listed
         * @description An unjoined impression is an orphan once the bids session timeout has passed since its event
         *     time (ingest `received_at`), an unjoined click once the clicks session timeout has. Counts
         *     cover every orphan with an event time in [`from`, `to`); `limit` only caps the listed tx_ids.
         */
        get: operations["listOrphans"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/predictions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Probability that a bid wins at a given price */
        post: operations["postPrediction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/query": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run one read-only SQL query (or a saved query) over the data lake
         * @description Runs a single `SELECT` (or `WITH … SELECT`) over the lake's tables — `bids`, `impressions`,
         *     `clicks`, `joined_impressions`, `joined_clicks`, `aggregate_changes` (every version of every
         *     window), `clickstream_events`, `session_changes`, `product_window_changes` — and the views
         *     `aggregates` (latest version per window), `distinct_bids` (first bid per transaction),
         *     `distinct_joined_impressions`, `distinct_joined_clicks` (one join per transaction; the joined
         *     tables may hold a retried join twice), `orphan_impressions`, `orphan_clicks`, `sessions` and `product_windows` (latest versions), locally
         *     with DuckDB, on AWS with Athena; the views exist on both. `sql` is run in the engine's SQL (DuckDB's
         *     locally, Trino's on AWS); a saved query is run in the spelling of the engine that runs it. Anything
         *     else (DDL, `COPY`, `INSERT`, several statements, reading files outside the lake) is refused
         *     with `query_not_allowed`. At most `limit` rows are returned (`truncated` says whether there
         *     were more) and a query is stopped after the time limit with `query_timeout`. Locally a query
         *     runs in a DuckDB process of its own with a memory limit (`query_out_of_memory` when it needs
         *     more; the next query runs in a fresh process), and a result whose rows pass the byte cap
         *     (4 MiB of JSON by default) is refused with `result_too_large`.
         */
        post: operations["postQuery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/query/saved": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The saved queries `POST /query` runs by name
         * @description Each with its SQL as the engine that runs it reads it (DuckDB's locally, Trino's on AWS).
         */
        get: operations["listSavedQueries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every trained version of a model, newest first, with its metrics and which is live */
        get: operations["listModels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/models/{version}/promote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make a version live (rollback or manual promotion), bypassing the gate
         * @description Points the model endpoint at the version's artifact and returns without waiting for the
         *     endpoint: a SageMaker endpoint update takes minutes. The version is `pending` until a
         *     scheduled step (completePromotions, every minute) finds the endpoint serving it, then `live`;
         *     if the endpoint could not take it, SageMaker keeps serving the previous version and the
         *     promotion is `failed` with the endpoint's reason. Until then the previous version answers every
         *     prediction and stays the registry's live version. An endpoint that serves the version within a
         *     few seconds (the local SageMaker) makes it live before the answer. Use it to roll back to any
         *     earlier version. One promotion at a time per model.
         */
        post: operations["promoteModel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/failed-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Records the stream consumers set aside, newest first (without their data) */
        get: operations["listFailedEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/failed-events/{failure_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One failed record with its data, error, attempts and replay state */
        get: operations["getFailedEvent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/failed-events/{failure_id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Re-drive a failed record through the consumer that failed it (idempotent; admin scope)
         * @description Sends the stored record (or corrected `data`) to its consumer as a one-record batch on the
         *     record's shard marked `-replay`. A record replayed before is not sent again
         *     (`already_replayed`); a replay that fails leaves the record `failed` with the consumer's reason.
         */
        post: operations["replayFailedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/failed-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Failed records per status, overall and per consumer function */
        get: operations["countFailedEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cost": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the running platform would cost on AWS, from its metered usage, priced with the dated list prices
         * @description Locally the usage is the local cloud's meter since it started (Lambda and HTTP API always;
         *     DynamoDB request units and Kinesis PUT payload units when started with `--meter`); on AWS
         *     it is CloudWatch's usage metrics of this stage over the last 24 hours. Units that were not
         *     metered are named in `not_metered`, so a missing cost is never shown as zero.
         *     `usd_per_million_events` divides by the events ingest put into its streams.
         */
        get: operations["getCost"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reconciliation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Per minute of ingest time, accepted = processed + failed + in flight for each raw-stream consumer
         * @description `accepted` counts the raw stream's records by `received_at`; `processed` what each consumer
         *     acknowledged (a re-delivered range counts once) plus its replayed records; `failed` its records
         *     set aside and not replayed; `in_flight` the rest, 0 once the pipeline is idle. A negative
         *     `in_flight` (`over_counted`) would mean a record counted twice. Needs the `admin` scope. The
         *     stream is read at most once a second per shard (a shard serves five reads a second to all
         *     its readers), and a range that cannot be read within 20 s is refused with `400
         *     invalid_request`: ask for a shorter one.
         */
        get: operations["reconcileStream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clickstream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ingest one clickstream event, or a batch of up to 500
         * @description A website's clickstream (sessions, product analytics, dynamic pricing). The body is one
         *     `ClickstreamEvent`, answered `202` once it is in the clickstream stream, or a
         *     `ClickstreamBatch` (`{"events": [...]}`), answered `200` with every item's outcome in request
         *     order, as `POST /events`. Records are partitioned by `user_id`, so one user's events stay in
         *     order on one shard. The same rules as the ad events apply: nothing invalid is written,
         *     `429`/`503` with `Retry-After` when the stream refuses writes.
         */
        post: operations["postClickstream"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import up to 500 historical events (ad events and clickstream) with their original event time
         * @description History a team already has: last hours' bids, impressions and clicks, or a shop's clickstream
         *     export. Each row is an ad event as `POST /events` takes it plus its `event_time`, or a
         *     clickstream event as `POST /clickstream` takes it (its `event_timestamp` is its event time),
         *     validated by the same contract. An accepted row is written to the same stream as a live event,
         *     with its event time as `received_at` and `source: import`, so joins, windows, sessions, product
         *     windows and the lake treat it exactly as a live event of that time.
         *
         *     - **Deterministic ids.** A row's `event_id` derives from the key's tenant and the row's content,
         *       so importing the same rows again writes events that the pipeline already counted: they add
         *       nothing. Identical rows within one request are written once (`duplicate`).
         *     - **How old.** A row may be at most `importMaxAgeHours` (47 h by default) old: within that
         *       horizon every consumer still remembers what it counted, so a re-import is recognised.
         *       Older rows are rejected `too_old`; rows more than 5 minutes in the future `in_future`.
         *     - Each row is answered on its own, in request order, as `POST /events` answers; a bad row
         *       never stops the good ones. `npm run import -- <file>` sends NDJSON, CSV or Parquet files
         *       through this route with line numbers. Needs the `import` (or `admin`) scope.
         */
        post: operations["postImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user's sessions, in event-time order
         * @description Sessions are built in event time: a user's events, sorted by `event_timestamp`, start a new
         *     session when the gap since the previous event is at least the session gap (10 s by default).
         *     A late event recomputes the sessions around it: it may extend one or merge two, and a merged
         *     session keeps the id of the earlier one; the later one is listed with `status: merged` and
         *     `merged_into` only when `include_merged=true`. Ids are `<user_id>_<N>`, numbered in the order
         *     the sessions were first seen, never reused.
         */
        get: operations["listSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{product_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One product of the catalog, with its current price
         * @description The catalog (`npm run catalog -- seed` writes a demo one) holds each product's name, brand,
         *     category, attributes and current price with the bounds dynamic pricing keeps it within.
         */
        get: operations["getProduct"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Products with shopper activity in a time range, ranked (top-N)
         * @description Each product's views, carts, checkouts and purchases summed over the windows that start within
         *     [`from`, `to`), with its conversion rates (see `ProductActivity`).
         */
        get: operations["listProductReports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/products/{product_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A product's activity per minute, hour, day, week or month in a timezone, with totals
         * @description Windows are regrouped into buckets that start at the period's boundary in `timezone` (weeks
         *     start on Monday); only windows that start within [`from`, `to`) are counted, in the buckets
         *     and in `totals`. A product without activity has zero totals and no buckets.
         */
        get: operations["getProductReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{product_id}/price-history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every price change dynamic pricing made to a product, and every move it held, newest first, with why
         * @description Each change names the demand it answered (the hydrated `DemandFeatures` version and values),
         *     the demand model version and its surge probability, the guardrail that shaped it, and the
         *     old and new price. `holds` lists the moves the model wanted and the plausibility guards held
         *     (`PriceHold`, kept 30 days), newest first. A product with neither has empty lists; `limit`
         *     applies to each list.
         */
        get: operations["getPriceHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Erase a shopper's data everywhere the platform keeps it, and drop their events from now on (admin scope)
         * @description Writes the user's tombstone first (from then on every consumer of the clickstream and sessions
         *     streams drops the user's records, replays and imports included), then, once the consumers that
         *     read the tombstones before it was written have finished their batches (`erasureSettleSeconds`),
         *     removes the user's sessions (and their state), order lines, failed records naming the user and
         *     every lake row of the user (the affected partitions rewritten and committed by a manifest, as a
         *     compaction is). Product windows keep their counts: they are aggregates. Answers at once with the
         *     erasure `erasing`; `GET /users/{user_id}/erasure` shows it `erased` with what was removed. Erasing
         *     again is harmless: a new pass removes whatever is left. A `user_id` is one shopper of every
         *     tenant (shoppers are one namespace for all tenants, README "API keys").
         */
        delete: operations["eraseUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{user_id}/erasure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user's tombstone and erasure log, newest first (admin scope)
         * @description Every erasure and lift of the user: who asked (tenant and key id), when, its status, and once
         *     `erased` what it removed from each store.
         */
        get: operations["getUserErasure"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{user_id}/tombstone": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Un-erase a user, lifting their tombstone; the erased data stays erased (admin scope)
         * @description Events of the user that enter the clickstream from now on count again; records that entered
         *     it before (re-deliveries, replays) stay dropped. Lifting a lifted tombstone changes nothing.
         *     `409 erasure_in_progress` while an erasure of the user is still removing data: wait until
         *     `GET /users/{user_id}/erasure` shows it `erased`.
         */
        delete: operations["liftTombstone"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Transaction id shared by a bid, its impression and its click; the stream partition key */
        TxId: string;
        CampaignItemId: number;
        /** @description Integer price in the currency's smallest unit the bidder uses */
        Price: number;
        Label: string;
        /**
         * @description The device's `User-Agent` as its browser or app sent it, at most 512 characters. Ingest stamps
         *     the request's `User-Agent` header on a clickstream event, impression or click that has none
         *     (never on a bid, whose request comes from the bidder's server, nor on an imported row).
         */
        UserAgent: string;
        /**
         * @description Set by ingest when the event is bot traffic: `user_agent` when its user agent is a known
         *     crawler's (the `isbot` package's list). Bots are kept in the lake with the mark and counted on
         *     their own, never in sessions, product demand, prices or campaign counts.
         * @enum {string}
         */
        BotMark: "user_agent";
        Bid: {
            tx_id: components["schemas"]["TxId"];
            app_uid: string;
            campaign_item_id: components["schemas"]["CampaignItemId"];
            domain?: components["schemas"]["Label"];
            creative_id?: components["schemas"]["Label"];
            creative_category?: components["schemas"]["Label"];
            win_price?: components["schemas"]["Price"];
            user_agent?: components["schemas"]["UserAgent"];
            /**
             * @default bid
             * @enum {string}
             */
            type: "bid";
        };
        Impression: {
            tx_id: components["schemas"]["TxId"];
            win_price: components["schemas"]["Price"];
            user_agent?: components["schemas"]["UserAgent"];
            /**
             * @default imp
             * @enum {string}
             */
            type: "imp";
        };
        Click: {
            tx_id: components["schemas"]["TxId"];
            user_agent?: components["schemas"]["UserAgent"];
            /**
             * @default click
             * @enum {string}
             */
            type: "click";
        };
        /** @enum {string} */
        EventType: "bid" | "imp" | "click";
        /** @description One ad event; in a batch its `type` is required and selects the schema */
        Event: components["schemas"]["Bid"] | components["schemas"]["Impression"] | components["schemas"]["Click"];
        EventBatch: {
            events: {
                type: components["schemas"]["EventType"];
            }[];
        };
        /**
         * @description `import` for an event `POST /import` took from history; absent for a live event
         * @enum {string}
         */
        EventSource: "import";
        /**
         * @description What ingest writes to the raw events stream, one Kinesis record per event, partition key
         *     `tx_id`. Consumers must accept any `schema_version` they know and dead-letter the rest.
         */
        EventEnvelope: {
            /** @constant */
            schema_version: 1;
            /**
             * Format: uuid
             * @description Assigned by ingest; unique per accepted event, the key for de-duplication downstream
             */
            event_id: string;
            /**
             * Format: date-time
             * @description When ingest accepted the event (ISO 8601, UTC, millisecond precision): the event's time.
             *     For an imported event (`source: import`), the `event_time` of its row.
             */
            received_at: string;
            type: components["schemas"]["EventType"];
            tenant?: components["schemas"]["Tenant"];
            source?: components["schemas"]["EventSource"];
            /**
             * Format: date-time
             * @description When `POST /import` accepted an imported event
             */
            imported_at?: string;
            /**
             * @description Present, and true, only on bot traffic; `bot_reason` says why
             * @constant
             */
            bot?: true;
            bot_reason?: components["schemas"]["BotMark"];
            /** @description The validated event as posted, with defaults applied */
            data: components["schemas"]["Bid"] | components["schemas"]["Impression"] | components["schemas"]["Click"];
        };
        AcceptedEvent: {
            /** Format: uuid */
            event_id: string;
            /** Format: date-time */
            received_at: string;
            shard_id: string;
            sequence_number: string;
        };
        BatchItemResult: {
            index: number;
            /** @constant */
            status: "accepted";
            /** Format: uuid */
            event_id: string;
            /** Format: date-time */
            received_at: string;
            shard_id: string;
            sequence_number: string;
        } | {
            index: number;
            /** @constant */
            status: "rejected";
            error: components["schemas"]["ItemError"];
        };
        ImportBatch: {
            rows: unknown[];
        };
        ImportResult: {
            accepted: number;
            rejected: number;
            /** @description Rows identical to an earlier row of the same request, written once */
            duplicates: number;
            results: (components["schemas"]["BatchItemResult"] | {
                index: number;
                /** @constant */
                status: "duplicate";
                /** Format: uuid */
                event_id: string;
                /** @description The index of the identical row written */
                duplicate_of: number;
            })[];
        };
        BatchResult: {
            accepted: number;
            rejected: number;
            results: components["schemas"]["BatchItemResult"][];
        };
        /** @description The shop's user id; the clickstream's partition key */
        UserId: string;
        /**
         * @description What the user did: `navigate`, `search`, `category`, `detail` (viewed a product's details),
         *     `add_to_cart`, `checkout`, `purchase`, or any other lower-case name
         */
        EventName: string;
        ProductId: string;
        ClickstreamEvent: {
            user_id: components["schemas"]["UserId"];
            /**
             * @description When the user acted, in milliseconds since the Unix epoch (2000-01-01 to 2100-01-01). A
             *     client may also send it as a string: of digits (`"1733493000000"`, as templating tools
             *     such as `envsubst` write numbers) or an ISO 8601 instant with its offset
             *     (`"2024-12-06T13:50:00Z"`, `"2024-12-06T14:50:00.250+01:00"`); ingest reads it before
             *     this check, and the envelope always stores the integer. Any other string is a `400`.
             */
            event_timestamp: number;
            event_name: components["schemas"]["EventName"];
            /**
             * @description The kind of interaction, e.g. `click`
             * @default click
             */
            event_type: string;
            /**
             * @description e.g. `mobile`, `desktop`, `tablet`
             * @default unknown
             */
            device_type: string;
            product_id?: components["schemas"]["ProductId"];
            /** @description Items added or bought (`add_to_cart`, `purchase`) */
            quantity?: number;
            user_agent?: components["schemas"]["UserAgent"];
        };
        ClickstreamBatch: {
            events: unknown[];
        };
        /**
         * @description What ingest writes to the clickstream stream, one Kinesis record per event, partition key
         *     `user_id`. A user's event is identified by `user_id`, `event_timestamp`, `event_name` and
         *     `event_type`: a resent copy is the same event and is counted once downstream.
         */
        ClickstreamEnvelope: {
            /** @constant */
            schema_version: 1;
            /** Format: uuid */
            event_id: string;
            /**
             * Format: date-time
             * @description When ingest accepted the event; for an imported event (`source: import`), its `event_timestamp`
             */
            received_at: string;
            /** @constant */
            type: "clickstream";
            tenant?: components["schemas"]["Tenant"];
            source?: components["schemas"]["EventSource"];
            /**
             * Format: date-time
             * @description When `POST /import` accepted an imported event
             */
            imported_at?: string;
            /**
             * @description Present, and true, only on bot traffic; `bot_reason` says why
             * @constant
             */
            bot?: true;
            bot_reason?: components["schemas"]["BotMark"];
            data: components["schemas"]["ClickstreamEvent"];
        };
        /**
         * @description A user's session as `GET /sessions` lists it and as the sessions stream carries every new
         *     version of it (partition key `user_id`; keep the latest `updated_at` per `session_id`).
         */
        Session: {
            /** @description `<user_id>_<N>` */
            session_id: string;
            user_id: components["schemas"]["UserId"];
            /**
             * @description `merged`: a late event joined it to `merged_into`, which now holds its events
             * @enum {string}
             */
            status: "active" | "merged";
            merged_into?: string;
            /**
             * Format: date-time
             * @description The first event's time
             */
            start: string;
            /**
             * Format: date-time
             * @description The last event's time
             */
            end: string;
            duration_ms: number;
            event_count: number;
            /** @description The first event's device */
            device_type: string;
            entry_event: components["schemas"]["EventName"];
            exit_event: components["schemas"]["EventName"];
            /** Format: date-time */
            updated_at: string;
        };
        SessionList: {
            user_id: components["schemas"]["UserId"];
            /** @description A gap this long or longer starts a new session */
            session_gap_ms: number;
            sessions: components["schemas"]["Session"][];
        };
        Product: {
            product_id: components["schemas"]["ProductId"];
            name: string;
            brand: string;
            category: string;
            /** @description Free-form product attributes, e.g. colour, material, sizes */
            attributes: {
                [key: string]: string;
            };
            /** @description The current price in the currency's smallest unit */
            price_cents: number;
            currency: string;
            /** @description Dynamic pricing never goes below this */
            min_price_cents: number;
            /** @description Dynamic pricing never goes above this */
            max_price_cents: number;
            /** @description The price the shop set; once a surge has passed, dynamic pricing brings a raised price back down toward it */
            list_price_cents?: number;
            /** @description Grows with every price change (absent before the first) */
            price_version?: number;
            /** Format: date-time */
            price_updated_at?: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @description One tumbling event-time window of one product's shopper activity, as stored in the product
         *     windows table and published to the product windows stream after each change (partition key
         *     `product_id`). Clickstream events that name a `product_id` count by `event_name`: `detail`,
         *     `view` and `view_details` are views; `add_to_cart` a cart (`cart_units` adds its `quantity`,
         *     default 1); `checkout` a checkout; `purchase` and `buy` a purchase (`units_sold` adds its
         *     `quantity`). Each event (user, time, name, type) counts once, however often it is delivered,
         *     and one shopper (`user_id`) adds at most a few views, carts, checkouts and purchases (each) to
         *     a product's window (the demand service's `shopperSignalsPerWindow`, 5): a shopper who adds a
         *     product to the cart 500 times in a minute counts as 5 carts. Every change adds 1 to
         *     `version`: keep the highest `version` per window (writers on several shards may commit out
         *     of `updated_at` order).
         */
        ProductWindow: {
            product_id: components["schemas"]["ProductId"];
            /** Format: date-time */
            window_start: string;
            /** Format: date-time */
            window_end: string;
            views: number;
            carts: number;
            cart_units: number;
            checkouts: number;
            purchases: number;
            units_sold: number;
            version: number;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @description A product's counts over a period (see `ProductWindow` for what each counts), with its
         *     conversion: `view_to_cart` = carts / views and `view_to_purchase` = purchases / views (0 when
         *     there were no views).
         */
        ProductActivity: {
            product_id: components["schemas"]["ProductId"];
            /** @description Start of the bucket in the report timezone (ISO 8601 with offset); absent for totals */
            period?: string;
            views: number;
            carts: number;
            cart_units: number;
            checkouts: number;
            purchases: number;
            units_sold: number;
            view_to_cart: number;
            view_to_purchase: number;
        };
        ProductReport: {
            product_id: components["schemas"]["ProductId"];
            /** @enum {string} */
            period: "minute" | "hour" | "day" | "week" | "month";
            timezone: string;
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            desc: boolean;
            totals: components["schemas"]["ProductActivity"];
            buckets: components["schemas"]["ProductActivity"][];
        };
        ProductList: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            /** @enum {string} */
            sort: "views" | "carts" | "checkouts" | "purchases" | "units_sold" | "view_to_cart" | "view_to_purchase";
            desc: boolean;
            products: components["schemas"]["ProductActivity"][];
        };
        /**
         * @description A product's demand as the pricing service hydrates it after each change of its product
         *     windows: the recent horizon's views, carts and purchases, the baseline before it scaled to the
         *     same length, the units the orders table holds for it (last 7 days), and the catalog's
         *     category, attributes and current price. `features_version` grows with every change; the
         *     demand features table's stream carries each version to the pricing function.
         */
        DemandFeatures: {
            product_id: components["schemas"]["ProductId"];
            features_version: number;
            /** Format: date-time */
            as_of: string;
            recent_minutes: number;
            views: number;
            carts: number;
            purchases: number;
            baseline_views: number;
            baseline_carts: number;
            baseline_purchases: number;
            ordered_units: number;
            price_cents: number;
            category: string;
            attributes?: {
                [key: string]: string;
            };
        };
        PriceChange: {
            product_id: components["schemas"]["ProductId"];
            /** Format: date-time */
            changed_at: string;
            old_price_cents: number;
            new_price_cents: number;
            change_percent: number;
            /** @description Why, in words, e.g. `surge: demand surge probability 0.93 >= 0.6, +5.0 % (the maximum step)` */
            reason: string;
            model_version: string;
            surge_probability: number;
            features: components["schemas"]["DemandFeatures"];
        };
        /**
         * @description A price move the demand model and the guardrails wanted and dynamic pricing did not make,
         *     because the product's recent demand passed a plausibility cap (`implausible_demand`): more
         *     views, or more carts or purchases, a minute than the caps allow (`demandMaxViewsPerMinute`,
         *     `demandMaxCartsPerMinute`), or more carts or purchases per view than `demandMaxCartsPerView`.
         *     One per features version.
         */
        PriceHold: {
            product_id: components["schemas"]["ProductId"];
            /** Format: date-time */
            held_at: string;
            /** @enum {string} */
            kind: "implausible_demand";
            /** @description Which caps and the numbers, then the move not made, e.g. `implausible demand: 60 carts against 0 views in the last 5 min, above the cap of 1 per view; not applied: surge: demand surge probability 0.89 >= 0.6, +3.6 % (maximum step 5 %)` */
            reason: string;
            /** @description The price that held */
            price_cents: number;
            /** @description The price the move would have set */
            wanted_price_cents: number;
            model_version: string;
            surge_probability: number;
            features: components["schemas"]["DemandFeatures"];
        };
        PriceHistory: {
            product_id: components["schemas"]["ProductId"];
            changes: components["schemas"]["PriceChange"][];
            holds: components["schemas"]["PriceHold"][];
        };
        /**
         * @description An order of the shop. The orders table keeps one item per line (`order_id`, `product_id`) with
         *     the order's `user_id` and `ordered_at`, indexed by user and by product.
         */
        Order: {
            order_id: string;
            user_id: components["schemas"]["UserId"];
            /** Format: date-time */
            ordered_at: string;
            items: {
                product_id: components["schemas"]["ProductId"];
                quantity: number;
                price_cents: number;
            }[];
        };
        /**
         * @description Counts of one campaign over a period. `impressions` and `clicks` count joined events only
         *     (an impression with its bid, a click with its joined impression); `spend` is the sum of the
         *     joined impressions' `win_price`; `ctr` = clicks / impressions and `win_rate` = impressions / bids
         *     (0 when the divisor is 0).
         */
        Aggregation: {
            campaign_item_id: components["schemas"]["CampaignItemId"];
            /** @description Start of the bucket in the report timezone (ISO 8601 with offset); absent for totals */
            period?: string;
            bids: number;
            impressions: number;
            clicks: number;
            spend: number;
            ctr: number;
            win_rate: number;
        };
        PeriodReport: {
            campaign_item_id: components["schemas"]["CampaignItemId"];
            /** @enum {string} */
            period: "minute" | "hour" | "day" | "week" | "month";
            timezone: string;
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            desc: boolean;
            buckets: components["schemas"]["Aggregation"][];
        };
        CampaignList: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            /** @enum {string} */
            sort: "bids" | "impressions" | "clicks" | "spend" | "ctr" | "win_rate";
            desc: boolean;
            campaigns: components["schemas"]["Aggregation"][];
        };
        OrphanReport: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            impressions: components["schemas"]["OrphanSample"];
            clicks: components["schemas"]["OrphanSample"];
        };
        OrphanSample: {
            /** @description Every orphan of this type in the range */
            count: number;
            /** @description The first `limit` of them, in event-time order */
            tx_ids: components["schemas"]["TxId"][];
        };
        /**
         * @description The tenant of the API key that sent the event, stamped by ingest on every event (absent only
         *     on events written before tenants were stamped). A transaction is the pair (`tenant`, `tx_id`):
         *     events of one tenant never join another's.
         */
        Tenant: string;
        /**
         * @description What enrich writes to the enriched events stream (partition key `campaign_item_id`): every
         *     bid, every impression joined with its bid (bid fields plus `win_price`) and every click joined
         *     with its joined impression. `event_time` is the ingest `received_at` of this event, the time
         *     windows are cut by. At most one of each type per `tx_id` is ever emitted.
         */
        EnrichedEvent: {
            /** @constant */
            schema_version: 1;
            type: components["schemas"]["EventType"];
            /**
             * Format: uuid
             * @description The source event's id
             */
            event_id: string;
            /** Format: date-time */
            event_time: string;
            tx_id: components["schemas"]["TxId"];
            tenant?: components["schemas"]["Tenant"];
            app_uid: string;
            campaign_item_id: components["schemas"]["CampaignItemId"];
            domain?: string;
            creative_id?: string;
            creative_category?: string;
            win_price?: components["schemas"]["Price"];
            /**
             * @description Present, and true, when ingest marked this event (the bid, impression or click itself) as
             *     bot traffic; such events are not counted in campaign windows
             * @constant
             */
            bot?: true;
        };
        /**
         * @description One tumbling event-time window of one campaign, as stored in the aggregations table and
         *     published to the aggregates stream after each change (partition key `campaign_item_id`).
         */
        AggregationWindow: {
            campaign_item_id: components["schemas"]["CampaignItemId"];
            /** Format: date-time */
            window_start: string;
            /** Format: date-time */
            window_end: string;
            bids: number;
            impressions: number;
            clicks: number;
            spend: number;
            /** Format: date-time */
            updated_at: string;
        };
        PredictionRequest: {
            campaignItemId: string;
            domain: components["schemas"]["Label"];
            creativeId: components["schemas"]["Label"];
            creativeCategory: components["schemas"]["Label"];
            winPrice: number;
        };
        /** @description The model endpoint's answer in the linear-learner shape */
        PredictionResponse: {
            predictions: {
                score: number;
                /** @enum {integer} */
                predicted_label: 0 | 1;
            }[];
        };
        /** @description Exactly one of `sql` and `saved` */
        QueryRequest: {
            /** @description One read-only SELECT statement */
            sql?: string;
            /** @description Name of a saved query (see `GET /query/saved`) */
            saved?: string;
            /** @description Values for a saved query's parameters, by name */
            params?: {
                [key: string]: string | number;
            };
            /**
             * @description Most rows to return
             * @default 1000
             */
            limit: number;
        };
        QueryResult: {
            columns: {
                name: string;
                /** @description SQL type of the column, e.g. BIGINT, VARCHAR, TIMESTAMP */
                type: string;
            }[];
            /** @description One object per row, keyed by column name; timestamps as ISO 8601 UTC, integers beyond 2^53 as strings */
            rows: {
                [key: string]: unknown;
            }[];
            row_count: number;
            /** @description True when the query had more rows than `limit` */
            truncated: boolean;
            elapsed_ms: number;
        };
        SavedQuery: {
            name: string;
            description: string;
            sql: string;
            params: {
                name: string;
                /** @enum {string} */
                type: "string" | "number" | "timestamp";
                description: string;
                default?: string | number;
            }[];
        };
        SavedQueryList: {
            queries: components["schemas"]["SavedQuery"][];
        };
        ModelMetrics: {
            /** @description Area under the ROC curve on the validation window */
            auc: number;
            log_loss: number;
            /** @description Mean |predicted − observed| over 10 score bins, weighted by count */
            calibration_error: number;
            rows: number;
            positives: number;
        };
        ModelVersion: {
            version: string;
            /** Format: date-time */
            created_at: string;
            live: boolean;
            /**
             * @description What the promotion gate decided when the version was trained
             * @enum {string}
             */
            decision: "promoted" | "rejected";
            reason: string;
            metrics: components["schemas"]["ModelMetrics"];
            /** @description The model that was live, on the same validation window */
            live_metrics?: components["schemas"]["ModelMetrics"];
            /** @description The version that was live when this one was trained */
            live_version?: string;
            training: {
                /** Format: date-time */
                from: string;
                /** Format: date-time */
                to: string;
                train_rows: number;
                validation_rows: number;
                /** Format: date-time */
                validation_from: string;
                /**
                 * @description `shuffled` for a negative-control run
                 * @enum {string}
                 */
                labels: "observed" | "shuffled";
            };
            feature_spec: {
                [key: string]: unknown;
            };
            /** @description Where the model.tar.gz is (s3://…) */
            artifact: string;
            promotion?: components["schemas"]["Promotion"];
        };
        /** @description The version's last promotion to the endpoint (absent when it was never promoted) */
        Promotion: {
            /**
             * @description `pending` while the endpoint takes the version (the previous one serves meanwhile), `live` once it served it and the registry made it live, `failed` when the endpoint could not take it (it kept serving the previous version)
             * @enum {string}
             */
            status: "pending" | "live" | "failed";
            /** Format: date-time */
            requested_at: string;
            /**
             * Format: date-time
             * @description When it went live or failed
             */
            finished_at?: string;
            /** @description Why it failed: the endpoint's failure reason, or how long it waited */
            reason?: string;
        };
        ModelList: {
            live_version?: string;
            /** @description The version being promoted, if any; live_version serves meanwhile */
            pending_version?: string;
            models: components["schemas"]["ModelVersion"][];
        };
        /**
         * @description `retrying` while the consumer retries it, `failed` once set aside, then `replaying` and `replayed`
         * @enum {string}
         */
        FailedEventStatus: "retrying" | "failed" | "replaying" | "replayed";
        FailedEventSummary: {
            failure_id: string;
            function_name: string;
            shard_id: string;
            sequence_number: string;
            error_name: string;
            error_message: string;
            attempts: number;
            status: components["schemas"]["FailedEventStatus"];
            /** Format: date-time */
            first_failed_at: string;
            /** Format: date-time */
            last_failed_at: string;
            /** Format: date-time */
            received_at?: string;
            /** Format: date-time */
            replayed_at?: string;
            /** @enum {string} */
            replayed_with?: "original" | "corrected";
            last_replay_error?: string;
        };
        /** @description A record a stream consumer set aside, with what is needed to replay it */
        FailedEvent: components["schemas"]["FailedEventSummary"] & {
            event_source_arn: string;
            partition_key: string;
            /** @description The record's data as text */
            data: string;
            data_truncated: boolean;
        };
        FailedEventList: {
            status: components["schemas"]["FailedEventStatus"];
            items: components["schemas"]["FailedEventSummary"][];
        };
        ReplayRequest: {
            /** @description Corrected record to send instead of the stored one: a JSON value, or its text */
            data?: unknown;
        };
        ReplayResult: {
            failure_id: string;
            /** @enum {string} */
            outcome: "replayed" | "already_replayed";
            /** Format: date-time */
            replayed_at: string;
            /** @enum {string} */
            replayed_with: "original" | "corrected";
        };
        FailedEventCounts: {
            retrying: number;
            failed: number;
            replaying: number;
            replayed: number;
            by_function: {
                function_name: string;
                retrying: number;
                failed: number;
                replaying: number;
                replayed: number;
            }[];
        };
        CostReport: {
            /**
             * @description Where the usage was read
             * @enum {string}
             */
            source: "local-meter" | "cloudwatch";
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            prices: {
                /** @description Date the list prices were read */
                as_of: string;
                region: string;
            };
            /** @description Records ingest put into its streams (each event is one record of one payload unit); 0 when Kinesis is not metered */
            events_ingested: number;
            total_usd: number;
            /** @description `total_usd` per million ingested events; null when no events were counted */
            usd_per_million_events: number | null;
            /** @description Each metered unit used, with its amount, price and the price's source */
            units: {
                /** @example dynamoDbWriteRequestUnit */
                unit: string;
                amount: number;
                usd: number;
                usd_per_unit: number;
                description: string;
                /** @description The pricing page the price was read from */
                source: string;
            }[];
            /** @description Most expensive first */
            services: {
                /** @example enrich */
                service: string;
                usd: number;
                usage: {
                    [key: string]: number;
                };
            }[];
            /** @description Priced units this source could not count; their cost is unknown, not zero */
            not_metered: string[];
        };
        ConsumerBalance: {
            processed: number;
            failed: number;
            in_flight: number;
            /** @enum {string} */
            status: "balanced" | "in_flight" | "over_counted";
        };
        Reconciliation: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            consumers: string[];
            windows: {
                /** @description Minute of ingest time, UTC, e.g. 2026-11-22T10:04 */
                window: string;
                accepted: number;
                consumers: {
                    [key: string]: components["schemas"]["ConsumerBalance"];
                };
            }[];
            totals: {
                accepted: number;
                consumers: {
                    [key: string]: components["schemas"]["ConsumerBalance"];
                };
            };
            balanced: boolean;
            superseded_entries: number;
        };
        Violation: {
            /** @description JSON path of the offending value, e.g. `$.campaign_item_id` */
            path: string;
            message: string;
        };
        ItemError: {
            /** @enum {string} */
            code: "validation_failed" | "payload_too_large" | "stream_unavailable" | "stream_throttled" | "too_old" | "in_future";
            message: string;
            violations?: components["schemas"]["Violation"][];
        };
        /**
         * @description One entry of a user's erasure log: an erasure (`action: erase`, `erasing` until every store is
         *     done, then `erased`; `removed` counts what each store removed, growing as stores finish) or the
         *     lift of their tombstone (`action: lift`, `lifted`).
         */
        Erasure: {
            user_id: components["schemas"]["UserId"];
            /** @description `<requested_at>_<random>`: entries sort by time */
            erasure_id: string;
            /** @enum {string} */
            action: "erase" | "lift";
            /** @enum {string} */
            status: "erasing" | "erased" | "lifted";
            /** Format: date-time */
            requested_at: string;
            /** @description The admin key that asked */
            requested_by: {
                tenant: string;
                key_id: string;
            };
            /** Format: date-time */
            completed_at?: string;
            removed?: components["schemas"]["ErasedCounts"];
        };
        /** @description What an erasure removed from each store, over all its passes (a pass that died midway keeps what it counted; a later erasure of the same user removes what is left, usually nothing) */
        ErasedCounts: {
            /** @description The user's state item and archived sessions in the sessions table */
            session_items: number;
            /** @description Lines of the user's orders in the catalog's orders table */
            order_lines: number;
            /** @description Records in the failed-events store whose data, partition key or error names the user */
            failed_events: number;
            /** @description Rows removed per lake table (`clickstream_events`, `session_changes`) */
            lake_rows: {
                [key: string]: number;
            };
            lake_partitions_rewritten: number;
        };
        /** @description A user's tombstone (absent when none was ever written) and erasure log, newest first */
        UserErasure: {
            user_id: components["schemas"]["UserId"];
            tombstone?: {
                /**
                 * @description `erased`: the user's events are dropped; `lifted`: events that arrive from `lifted_at` on count
                 * @enum {string}
                 */
                status: "erased" | "lifted";
                /** Format: date-time */
                erased_at: string;
                /** Format: date-time */
                lifted_at?: string;
            };
            erasures: components["schemas"]["Erasure"][];
        };
        Error: {
            /** @enum {string} */
            code: "invalid_json" | "invalid_request" | "validation_failed" | "payload_too_large" | "unsupported_media_type" | "not_found" | "method_not_allowed" | "stream_unavailable" | "stream_throttled" | "model_unavailable" | "invalid_query" | "query_not_allowed" | "query_timeout" | "query_out_of_memory" | "result_too_large" | "missing_api_key" | "invalid_api_key" | "api_key_revoked" | "api_key_expired" | "insufficient_scope" | "rate_limited" | "auth_unavailable" | "not_replayable" | "replay_failed" | "promotion_pending" | "usage_unavailable" | "consumer_unavailable" | "erasure_in_progress" | "internal_error";
            message: string;
            request_id: string;
            violations?: components["schemas"]["Violation"][];
        };
    };
    responses: {
        /** @description The event is durably in the raw events stream */
        Accepted: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AcceptedEvent"];
            };
        };
        /** @description `invalid_json`, `validation_failed` or `invalid_request` */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `payload_too_large`: the body is over the documented limit */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `unsupported_media_type`: send `Content-Type: application/json` */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `internal_error`: nothing was written; quote the request id */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `missing_api_key` or `invalid_api_key`: send a valid key in `x-api-key`; nothing was done */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `api_key_revoked`, `api_key_expired` or `insufficient_scope`: the key may not do this; nothing was done */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `auth_unavailable`: the key could not be checked right now; nothing was done, retry after `Retry-After` seconds */
        AuthUnavailable: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `rate_limited`: the key is over its rate limit, or (ingest) `stream_throttled`: the stream is over its write capacity; nothing was written, retry after `Retry-After` seconds */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `not_found` */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `stream_unavailable`: nothing was written; retry after `Retry-After` seconds */
        StreamUnavailable: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        CampaignItemIdPath: components["schemas"]["CampaignItemId"];
        /** @description Start of the range, inclusive (ISO 8601); default the Unix epoch */
        From: string;
        /** @description End of the range, exclusive (ISO 8601); default now */
        To: string;
        Desc: boolean;
        /** @description Which model: `bid-win` (the predictions API) or `demand` (dynamic pricing) */
        ModelName: "bid-win" | "demand";
        ProductIdPath: components["schemas"]["ProductId"];
        /** @description A shopper id as the clickstream sends it (`UserId`), URL-encoded */
        UserIdPath: components["schemas"]["UserId"];
        /** @description `<function>#<shard>#<sequence number>`, URL-encoded (`#` is `%23`) */
        FailureIdPath: string;
        /**
         * @description Makes a resend of the same event recognisable: events posted to the same route with the same
         *     key get the same `event_id`, and consumers count an `event_id` once. Use one key per event
         *     (e.g. the bidder's own event id), 1 to 256 visible ASCII characters.
         */
        IdempotencyKey: string;
        /**
         * @description The device's user agent, when the device (a browser or app) posts its own events: stamped as
         *     `user_agent` on a clickstream event, impression or click that has none (cut to 512 characters),
         *     and classified for bot traffic (ADR 24). Never stamped on a bid (the bidder's server sends it),
         *     on `/import` rows, nor when it names an HTTP library (`curl`, `node`, `python-requests`, …), a
         *     backend relaying its users' events: such a backend passes each event's `user_agent` in the event.
         */
        DeviceUserAgent: string;
    };
    requestBodies: never;
    headers: {
        /** @description Seconds to wait before retrying */
        RetryAfter: number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    postBid: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a resend of the same event recognisable: events posted to the same route with the same
                 *     key get the same `event_id`, and consumers count an `event_id` once. Use one key per event
                 *     (e.g. the bidder's own event id), 1 to 256 visible ASCII characters.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Bid"];
            };
        };
        responses: {
            202: components["responses"]["Accepted"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["StreamUnavailable"];
        };
    };
    postImpression: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a resend of the same event recognisable: events posted to the same route with the same
                 *     key get the same `event_id`, and consumers count an `event_id` once. Use one key per event
                 *     (e.g. the bidder's own event id), 1 to 256 visible ASCII characters.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description The device's user agent, when the device (a browser or app) posts its own events: stamped as
                 *     `user_agent` on a clickstream event, impression or click that has none (cut to 512 characters),
                 *     and classified for bot traffic (ADR 24). Never stamped on a bid (the bidder's server sends it),
                 *     on `/import` rows, nor when it names an HTTP library (`curl`, `node`, `python-requests`, …), a
                 *     backend relaying its users' events: such a backend passes each event's `user_agent` in the event.
                 */
                "User-Agent"?: components["parameters"]["DeviceUserAgent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Impression"];
            };
        };
        responses: {
            202: components["responses"]["Accepted"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["StreamUnavailable"];
        };
    };
    postClick: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a resend of the same event recognisable: events posted to the same route with the same
                 *     key get the same `event_id`, and consumers count an `event_id` once. Use one key per event
                 *     (e.g. the bidder's own event id), 1 to 256 visible ASCII characters.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description The device's user agent, when the device (a browser or app) posts its own events: stamped as
                 *     `user_agent` on a clickstream event, impression or click that has none (cut to 512 characters),
                 *     and classified for bot traffic (ADR 24). Never stamped on a bid (the bidder's server sends it),
                 *     on `/import` rows, nor when it names an HTTP library (`curl`, `node`, `python-requests`, …), a
                 *     backend relaying its users' events: such a backend passes each event's `user_agent` in the event.
                 */
                "User-Agent"?: components["parameters"]["DeviceUserAgent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Click"];
            };
        };
        responses: {
            202: components["responses"]["Accepted"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["StreamUnavailable"];
        };
    };
    postEvents: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The device's user agent, when the device (a browser or app) posts its own events: stamped as
                 *     `user_agent` on a clickstream event, impression or click that has none (cut to 512 characters),
                 *     and classified for bot traffic (ADR 24). Never stamped on a bid (the bidder's server sends it),
                 *     on `/import` rows, nor when it names an HTTP library (`curl`, `node`, `python-requests`, …), a
                 *     backend relaying its users' events: such a backend passes each event's `user_agent` in the event.
                 */
                "User-Agent"?: components["parameters"]["DeviceUserAgent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EventBatch"];
            };
        };
        responses: {
            /** @description Per-item outcome */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description `rate_limited` (an `Error`), or the stream is throttled and took no item (a `BatchResult` whose items say `stream_throttled`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchResult"] | components["schemas"]["Error"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description No item could be written; retry the whole batch after `Retry-After` seconds */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchResult"];
                };
            };
        };
    };
    listCampaignReports: {
        parameters: {
            query?: {
                /** @description Start of the range, inclusive (ISO 8601); default 24 hours before `to`. The range may span at most 366 days. */
                from?: string;
                /** @description End of the range, exclusive (ISO 8601); default now */
                to?: components["parameters"]["To"];
                /** @description Total to rank campaigns by */
                sort?: "bids" | "impressions" | "clicks" | "spend" | "ctr" | "win_rate";
                desc?: components["parameters"]["Desc"];
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Campaigns ranked by `sort` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["AuthUnavailable"];
        };
    };
    getCampaignReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaign_item_id: components["parameters"]["CampaignItemIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Totals of the campaign */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Aggregation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["AuthUnavailable"];
        };
    };
    getCampaignPeriodReport: {
        parameters: {
            query?: {
                period?: "minute" | "hour" | "day" | "week" | "month";
                /** @description IANA time zone, e.g. `Europe/Paris` */
                timezone?: string;
                /** @description Start of the range, inclusive (ISO 8601); default the Unix epoch */
                from?: components["parameters"]["From"];
                /** @description End of the range, exclusive (ISO 8601); default now */
                to?: components["parameters"]["To"];
                desc?: components["parameters"]["Desc"];
            };
            header?: never;
            path: {
                campaign_item_id: components["parameters"]["CampaignItemIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Buckets sorted by start */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PeriodReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["AuthUnavailable"];
        };
    };
    listOrphans: {
        parameters: {
            query?: {
                /** @description Start of the range of event times, inclusive (ISO 8601); default 24 hours before `to`. The range may span at most 31 days. */
                from?: string;
                /** @description End of the range, exclusive (ISO 8601); default now */
                to?: components["parameters"]["To"];
                /** @description How many tx_ids to list per type (0 for counts only) */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Orphan impressions and clicks, tx_ids in event-time order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrphanReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["AuthUnavailable"];
        };
    };
    postPrediction: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PredictionRequest"];
            };
        };
        responses: {
            /** @description The live model's prediction */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PredictionResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            /** @description `model_unavailable`: no live model answered; retry after `Retry-After` seconds */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postQuery: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QueryRequest"];
            };
        };
        responses: {
            /** @description The result rows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueryResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["AuthUnavailable"];
        };
    };
    listSavedQueries: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every saved query with its parameters */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedQueryList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["AuthUnavailable"];
        };
    };
    listModels: {
        parameters: {
            query?: {
                /** @description Which model: `bid-win` (the predictions API) or `demand` (dynamic pricing) */
                model?: components["parameters"]["ModelName"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The model registry */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["AuthUnavailable"];
        };
    };
    promoteModel: {
        parameters: {
            query?: {
                /** @description Which model: `bid-win` (the predictions API) or `demand` (dynamic pricing) */
                model?: components["parameters"]["ModelName"];
            };
            header?: never;
            path: {
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version is live (it already was, or the endpoint served it within a few seconds) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelVersion"];
                };
            };
            /** @description Not live yet, `promotion.status` says why; `pending` (`GET /models` shows when it is live or failed), or `failed` already when the endpoint refused the version within the few seconds waited */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelVersion"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description `not_found`: no such version */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `promotion_pending`: another version of this model is being promoted; retry once `GET /models` shows it settled */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["AuthUnavailable"];
        };
    };
    listFailedEvents: {
        parameters: {
            query?: {
                status?: "failed" | "retrying" | "replaying" | "replayed";
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The records with that status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FailedEventList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["AuthUnavailable"];
        };
    };
    getFailedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description `<function>#<shard>#<sequence number>`, URL-encoded (`#` is `%23`) */
                failure_id: components["parameters"]["FailureIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The failed record */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FailedEvent"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["AuthUnavailable"];
        };
    };
    replayFailedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description `<function>#<shard>#<sequence number>`, URL-encoded (`#` is `%23`) */
                failure_id: components["parameters"]["FailureIdPath"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ReplayRequest"];
            };
        };
        responses: {
            /** @description Replayed now, or before */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description `not_replayable`: still being retried, being replayed right now, or its data was too large to keep */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `replay_failed`: the consumer failed the record again; it stays failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            /** @description `consumer_unavailable`: the consumer could not be invoked (a denied permission, an outage); the record stays failed with the reason */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            503: components["responses"]["AuthUnavailable"];
        };
    };
    countFailedEvents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FailedEventCounts"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["AuthUnavailable"];
        };
    };
    getCost: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Usage and its price, by service and in total */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CostReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            /** @description `usage_unavailable`: the usage source (the local meter or CloudWatch) did not answer; try again */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            503: components["responses"]["AuthUnavailable"];
        };
    };
    reconcileStream: {
        parameters: {
            query?: {
                /** @description Start of the range, inclusive (ISO 8601); default the Unix epoch */
                from?: components["parameters"]["From"];
                /** @description End of the range, exclusive (ISO 8601); default now */
                to?: components["parameters"]["To"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The balance per minute and in total */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reconciliation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["AuthUnavailable"];
        };
    };
    postClickstream: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a resend of the same event recognisable: events posted to the same route with the same
                 *     key get the same `event_id`, and consumers count an `event_id` once. Use one key per event
                 *     (e.g. the bidder's own event id), 1 to 256 visible ASCII characters.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description The device's user agent, when the device (a browser or app) posts its own events: stamped as
                 *     `user_agent` on a clickstream event, impression or click that has none (cut to 512 characters),
                 *     and classified for bot traffic (ADR 24). Never stamped on a bid (the bidder's server sends it),
                 *     on `/import` rows, nor when it names an HTTP library (`curl`, `node`, `python-requests`, …), a
                 *     backend relaying its users' events: such a backend passes each event's `user_agent` in the event.
                 */
                "User-Agent"?: components["parameters"]["DeviceUserAgent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClickstreamEvent"] | components["schemas"]["ClickstreamBatch"];
            };
        };
        responses: {
            /** @description A batch's per-item outcome */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchResult"];
                };
            };
            202: components["responses"]["Accepted"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description `rate_limited` or `stream_throttled` (an `Error`), or a batch of which the throttled stream took no item (a `BatchResult`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchResult"] | components["schemas"]["Error"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description The stream is unavailable and took nothing (an `Error` for one event, a `BatchResult` for a batch); retry after `Retry-After` seconds */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchResult"] | components["schemas"]["Error"];
                };
            };
        };
    };
    postImport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImportBatch"];
            };
        };
        responses: {
            /** @description Per-row outcome */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description `rate_limited` (an `Error`), or the streams are throttled and took no row (an `ImportResult` whose rows say `stream_throttled`); retry after `Retry-After` seconds */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResult"] | components["schemas"]["Error"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description No row could be written; retry the whole batch after `Retry-After` seconds */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResult"];
                };
            };
        };
    };
    listSessions: {
        parameters: {
            query: {
                user_id: components["schemas"]["UserId"];
                /** @description Only sessions that end at or after this time (ISO 8601) */
                from?: string;
                /** @description Only sessions that start before this time (ISO 8601) */
                to?: string;
                include_merged?: boolean;
                /** @description At most this many sessions, the earliest first */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user's sessions (an empty list for an unknown user) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["AuthUnavailable"];
        };
    };
    getProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                product_id: components["parameters"]["ProductIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The product */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["AuthUnavailable"];
        };
    };
    listProductReports: {
        parameters: {
            query?: {
                /** @description Start of the range, inclusive (ISO 8601); default 24 hours before `to`. The range may span at most 366 days. */
                from?: string;
                /** @description End of the range, exclusive (ISO 8601); default now */
                to?: components["parameters"]["To"];
                /** @description Total to rank products by */
                sort?: "views" | "carts" | "checkouts" | "purchases" | "units_sold" | "view_to_cart" | "view_to_purchase";
                desc?: components["parameters"]["Desc"];
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Products ranked by `sort` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["AuthUnavailable"];
        };
    };
    getProductReport: {
        parameters: {
            query?: {
                period?: "minute" | "hour" | "day" | "week" | "month";
                /** @description IANA time zone, e.g. `Europe/Paris` */
                timezone?: string;
                /** @description Start of the range, inclusive (ISO 8601); default the Unix epoch */
                from?: components["parameters"]["From"];
                /** @description End of the range, exclusive (ISO 8601); default now */
                to?: components["parameters"]["To"];
                desc?: components["parameters"]["Desc"];
            };
            header?: never;
            path: {
                product_id: components["parameters"]["ProductIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Totals and buckets sorted by start */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["AuthUnavailable"];
        };
    };
    getPriceHistory: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                product_id: components["parameters"]["ProductIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The changes, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PriceHistory"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["AuthUnavailable"];
        };
    };
    eraseUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A shopper id as the clickstream sends it (`UserId`), URL-encoded */
                user_id: components["parameters"]["UserIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tombstone is written; the erasure runs (status `erasing`) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erasure"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["AuthUnavailable"];
        };
    };
    getUserErasure: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A shopper id as the clickstream sends it (`UserId`), URL-encoded */
                user_id: components["parameters"]["UserIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user's tombstone and log */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserErasure"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["AuthUnavailable"];
        };
    };
    liftTombstone: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A shopper id as the clickstream sends it (`UserId`), URL-encoded */
                user_id: components["parameters"]["UserIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tombstone is lifted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserErasure"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description `erasure_in_progress`: an erasure of the user is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["AuthUnavailable"];
        };
    };
}
