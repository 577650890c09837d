-- The book, version 1. Every table's key begins with company, so that a
-- table may be partitioned or distributed by company without a change.

CREATE TABLE companies (
	company     TEXT NOT NULL PRIMARY KEY,
	name        TEXT NOT NULL,
	street      TEXT NOT NULL DEFAULT '',
	city        TEXT NOT NULL DEFAULT '',
	postal_code TEXT NOT NULL DEFAULT '',
	country     TEXT NOT NULL DEFAULT '',
	certificate TEXT NOT NULL
);

CREATE TABLE signing_keys (
	company    TEXT NOT NULL,
	version    TEXT NOT NULL,
	public_key TEXT NOT NULL,
	PRIMARY KEY (company, version)
);

CREATE TABLE series (
	company         TEXT NOT NULL,
	series_key      TEXT NOT NULL,
	document_type   TEXT NOT NULL,
	series_id       TEXT NOT NULL,
	validation_code TEXT NOT NULL DEFAULT '',
	status          TEXT NOT NULL DEFAULT '',
	registration    TEXT NOT NULL DEFAULT '',
	last_number     BIGINT NOT NULL DEFAULT 0,
	last_document   TEXT NOT NULL DEFAULT '',
	last_hash       TEXT NOT NULL DEFAULT '',
	last_date       TEXT NOT NULL DEFAULT '',
	last_entry      TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (company, series_key)
);

CREATE TABLE default_series (
	company       TEXT NOT NULL,
	document_type TEXT NOT NULL,
	series_key    TEXT NOT NULL,
	PRIMARY KEY (company, document_type)
);

CREATE TABLE documents (
	company         TEXT NOT NULL,
	series_key      TEXT NOT NULL,
	number          BIGINT NOT NULL,
	document_number TEXT NOT NULL,
	document_type   TEXT NOT NULL,
	atcud           TEXT NOT NULL,
	date            TEXT NOT NULL,
	system_entry    TEXT NOT NULL,
	gross_total     TEXT NOT NULL,
	hash            TEXT NOT NULL,
	hash_control    TEXT NOT NULL,
	qr              TEXT NOT NULL,
	customer_id     TEXT NOT NULL,
	content_type    TEXT NOT NULL,
	content         TEXT NOT NULL,
	PRIMARY KEY (company, series_key, number),
	UNIQUE (company, document_number)
);
CREATE INDEX documents_by_date ON documents (company, date, system_entry);

CREATE TABLE document_products (
	company      TEXT NOT NULL,
	series_key   TEXT NOT NULL,
	number       BIGINT NOT NULL,
	product_code TEXT NOT NULL,
	PRIMARY KEY (company, series_key, number, product_code)
);

CREATE TABLE document_events (
	company    TEXT NOT NULL,
	series_key TEXT NOT NULL,
	number     BIGINT NOT NULL,
	seq        BIGINT NOT NULL,
	status     TEXT NOT NULL,
	reason     TEXT NOT NULL,
	at         TEXT NOT NULL,
	PRIMARY KEY (company, series_key, number, seq)
);

CREATE TABLE customers (
	company     TEXT NOT NULL,
	customer_id TEXT NOT NULL,
	content     TEXT NOT NULL,
	PRIMARY KEY (company, customer_id)
);

CREATE TABLE products (
	company      TEXT NOT NULL,
	product_code TEXT NOT NULL,
	content      TEXT NOT NULL,
	PRIMARY KEY (company, product_code)
);

CREATE TABLE methods (
	company TEXT NOT NULL,
	year    INTEGER NOT NULL,
	method  TEXT NOT NULL,
	PRIMARY KEY (company, year)
);

CREATE TABLE efatura (
	company     TEXT NOT NULL,
	series_key  TEXT NOT NULL,
	number      BIGINT NOT NULL,
	date        TEXT NOT NULL,
	state       TEXT NOT NULL,
	attempts    INTEGER NOT NULL DEFAULT 0,
	lease_owner TEXT NOT NULL DEFAULT '',
	lease_until TEXT NOT NULL DEFAULT '',
	answer_code TEXT NOT NULL DEFAULT '',
	answer      TEXT NOT NULL DEFAULT '',
	updated_at  TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (company, series_key, number)
);
CREATE INDEX efatura_by_state ON efatura (company, state, date);

-- A signed row is never changed or removed, whoever asks.
CREATE FUNCTION book_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'book: % of a signed row of % is refused', TG_OP, TG_TABLE_NAME
		USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER documents_immutable BEFORE UPDATE OR DELETE ON documents
	FOR EACH ROW EXECUTE FUNCTION book_refuse_change();
CREATE TRIGGER documents_no_truncate BEFORE TRUNCATE ON documents
	FOR EACH STATEMENT EXECUTE FUNCTION book_refuse_change();
CREATE TRIGGER document_products_immutable BEFORE UPDATE OR DELETE ON document_products
	FOR EACH ROW EXECUTE FUNCTION book_refuse_change();
CREATE TRIGGER document_events_immutable BEFORE UPDATE OR DELETE ON document_events
	FOR EACH ROW EXECUTE FUNCTION book_refuse_change();

-- A series' last number moves one step at a time, and its chain state
-- moves with it: a gap or a rewind is refused.
CREATE FUNCTION book_series_forward() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' THEN
		IF OLD.last_number <> 0 THEN
			RAISE EXCEPTION 'book: DELETE of series % with documents is refused', OLD.series_key
				USING ERRCODE = 'restrict_violation';
		END IF;
		RETURN OLD;
	END IF;
	IF NEW.last_number <> OLD.last_number AND OLD.last_number <> 0
			AND NEW.last_number <> OLD.last_number + 1 THEN
		RAISE EXCEPTION 'book: series % may only move from % to %', OLD.series_key, OLD.last_number, OLD.last_number + 1
			USING ERRCODE = 'restrict_violation';
	END IF;
	IF NEW.last_number = OLD.last_number AND OLD.last_number <> 0 AND (NEW.last_hash <> OLD.last_hash
			OR NEW.last_document <> OLD.last_document OR NEW.last_date <> OLD.last_date OR NEW.last_entry <> OLD.last_entry) THEN
		RAISE EXCEPTION 'book: the chain state of series % is changed only with a new document', OLD.series_key
			USING ERRCODE = 'restrict_violation';
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER series_forward BEFORE UPDATE OR DELETE ON series
	FOR EACH ROW EXECUTE FUNCTION book_series_forward();

-- A document is recorded as its series' new last document, nothing else.
CREATE FUNCTION book_document_follows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM series WHERE company = NEW.company AND series_key = NEW.series_key
			AND last_number = NEW.number AND last_hash = NEW.hash) THEN
		RAISE EXCEPTION 'book: document % is recorded only as its series'' last document', NEW.document_number
			USING ERRCODE = 'restrict_violation';
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER documents_follow_series BEFORE INSERT ON documents
	FOR EACH ROW EXECUTE FUNCTION book_document_follows();
