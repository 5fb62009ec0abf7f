-- Requests sent with an Idempotency-Key header, so that a retry is answered with the original
-- answer instead of being carried out again. A key belongs to a caller: scope is the SHA-256 of the
-- token's subject and the municipalities it acts for (bounded length, whatever the subject).
-- A row is claimed (IN_PROGRESS) in a short transaction of its own and becomes DONE, with the answer,
-- in the transaction of the write itself: both commit or neither does. claim_token fences a request
-- that took over a claim whose holder was presumed dead. Rows are purged after the retention period.
CREATE TABLE idempotent_request (
    scope             VARCHAR(64)  NOT NULL,
    idempotency_key   VARCHAR(255) NOT NULL,
    -- SHA-256 of method, path and body: the same key with another request is refused (422)
    request_hash      VARCHAR(64)  NOT NULL,
    state             VARCHAR(11)  NOT NULL,
    claim_token       UUID         NOT NULL,
    claimed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    response_status   INTEGER,
    response_location VARCHAR(2000),
    -- The answer holds client data: erasing the client deletes it (client_id), as does the purge
    response_body     VARCHAR(1000000),
    client_id         UUID,
    CONSTRAINT idempotent_request_key PRIMARY KEY (scope, idempotency_key),
    CONSTRAINT idempotent_request_state CHECK (state IN ('IN_PROGRESS', 'DONE'))
);
CREATE INDEX idempotent_request_created ON idempotent_request (created_at);
CREATE INDEX idempotent_request_client ON idempotent_request (client_id);
