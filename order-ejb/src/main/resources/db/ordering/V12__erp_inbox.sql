-- The ERP inbound queue's inbox (docs/erp.md): every message that took effect or was refused by a
-- business rule, once per tenant and ERP message id, written in the transaction of its effect. A
-- message received again has no effect and is answered with the reply kept here. Malformed messages
-- are not kept: they go to the product's dead-letter queue and the audit trail, and the same message
-- id may come again, corrected.
CREATE TABLE erp_inbox (
    tenant_id       varchar(64)  NOT NULL,
    message_id      varchar(100) NOT NULL,
    message_type    varchar(64)  NOT NULL,
    correlation_id  varchar(100) NOT NULL,
    status          varchar(4)   NOT NULL CHECK (status IN ('ACK', 'NACK')),
    code            varchar(100),
    reply           jsonb        NOT NULL,
    received_at     timestamptz  NOT NULL,
    PRIMARY KEY (tenant_id, message_id)
);

CREATE INDEX erp_inbox_received ON erp_inbox (received_at);
